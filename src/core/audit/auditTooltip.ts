import { activityTitle, describeAuditEvent, initiatorDisplay } from "../activity";
import { truncateText } from "../activity/sanitizeText";
import type { AuditEvent } from "../api/models";
import { escapeMarkdown } from "../format/markdown";
import { formatDateTime, relativeTime } from "../format/time";
import { parseTimestamp } from "../format/timestamp";

const MAX_VALUE = 300;

/**
 * The Markdown tooltip of an audit event: every detail, each data value escaped (render as text only;
 * the adapter shows it untrusted, without HTML or command links).
 */
export function auditTooltipMarkdown(event: AuditEvent, now: number, locale?: string): string {
  const esc = (value: string) => escapeMarkdown(truncateText(value, MAX_VALUE));
  const ms = parseTimestamp(event.timestamp);
  const lines: string[] = [];
  lines.push(`**${esc(describeAuditEvent(event))}**`, "");
  lines.push(`*Activity:* ${esc(event.activity || activityTitle(event.activity_code))} — ${esc(event.activity_code)}  `);
  const when = Number.isNaN(ms) ? "unknown time" : `${esc(formatDateTime(ms, locale))} (${esc(relativeTime(ms, now, locale))})`;
  lines.push(`*When:* ${when} — ${esc(event.timestamp)}  `);
  const who = initiatorDisplay(event);
  const email = event.initiator_email && event.initiator_email !== who ? ` <${event.initiator_email}>` : "";
  lines.push(`*Initiator:* ${esc(who + email)}${event.initiator_id ? ` — id ${esc(event.initiator_id)}` : ""}  `);
  if (event.target_id) lines.push(`*Target:* ${esc(event.target_id)}  `);
  if (event.meta?.external === "true") lines.push("*External:* done by a user of another account (MSP or NetBird support)  ");
  lines.push(`*Event ID:* ${esc(event.id)}`);
  const meta = event.meta ? Object.entries(event.meta) : [];
  if (meta.length) {
    lines.push("", "**Details**", "");
    for (const [key, value] of meta) lines.push(`- ${esc(key)}: ${esc(value)}`);
  }
  return lines.join("\n");
}
