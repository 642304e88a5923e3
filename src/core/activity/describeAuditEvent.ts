/** One human sentence per audit event, for the tree label. */

import type { AuditEvent } from "../api/models";
import { readableActivityCode } from "./activityTitles";
import { MAX_LABEL_LENGTH, cleanText } from "./sanitizeText";
import { createTemplateContext, type SentenceTemplate } from "./templateContext";
import { ACCESS_CONTROL_TEMPLATES } from "./templates/accessControlTemplates";
import { ACCOUNT_TEMPLATES } from "./templates/accountTemplates";
import { NETWORK_TEMPLATES } from "./templates/networkTemplates";
import { PEER_TEMPLATES } from "./templates/peerTemplates";
import { SERVICE_TEMPLATES } from "./templates/serviceTemplates";
import { USER_TEMPLATES } from "./templates/userTemplates";

const TEMPLATES: ReadonlyMap<string, SentenceTemplate> = new Map(
  Object.entries({
    ...PEER_TEMPLATES,
    ...USER_TEMPLATES,
    ...ACCESS_CONTROL_TEMPLATES,
    ...NETWORK_TEMPLATES,
    ...ACCOUNT_TEMPLATES,
    ...SERVICE_TEMPLATES,
  }),
);

/** Every activity code that has a hand-written sentence. */
export function templatedActivityCodes(): string[] {
  return [...TEMPLATES.keys()];
}

/** True when `code` has a hand-written sentence (otherwise describeAuditEvent falls back to `activity`). */
export function hasActivityTemplate(code: string): boolean {
  return typeof code === "string" && TEMPLATES.has(code.trim().toLowerCase());
}

function normalizedCode(event: AuditEvent): string {
  const code: unknown = event?.activity_code;
  return typeof code === "string" ? code.trim().toLowerCase() : "";
}

/** True for an `activity` text that is really a code (e.g. "UNKNOWN_ACTIVITY"), not a message. */
function looksLikeCode(text: string, code: string): boolean {
  return text.toLowerCase() === code || /^[A-Z0-9_]+$/.test(text) || /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(text);
}

/** The event's own `activity` text, or a readable form of its code. */
function fallbackSentence(event: AuditEvent, code: string): string {
  const activity = cleanText((event as { activity?: unknown })?.activity, MAX_LABEL_LENGTH);
  if (activity !== "" && !looksLikeCode(activity, code)) {
    return activity;
  }
  return readableActivityCode(code !== "" ? code : activity);
}

/**
 * A one-line human sentence for an audit event, e.g. "Updated policy “Office to DB”". Uses a hand-written
 * template for every known code and falls back to the event's `activity` text (or a readable form of the
 * code) for unknown ones. Never throws; the result is plain text (not HTML-escaped), free of control,
 * bidi and zero-width characters, and at most MAX_LABEL_LENGTH code points long.
 */
export function describeAuditEvent(event: AuditEvent): string {
  const code = normalizedCode(event);
  const template = TEMPLATES.get(code);
  let sentence = "";
  if (template !== undefined && event !== null && typeof event === "object") {
    try {
      sentence = template(createTemplateContext(event, code));
    } catch {
      sentence = "";
    }
  }
  const label = cleanText(sentence, MAX_LABEL_LENGTH);
  return label !== "" ? label : fallbackSentence(event, code);
}
