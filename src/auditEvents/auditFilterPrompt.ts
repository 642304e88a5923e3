import * as vscode from "vscode";
import { activityCategory, activityTitle, categoryLabel, initiatorDisplay } from "../core/activity";
import type { AuditEvent } from "../core/api/models";
import { DATE_PRESET_LABELS, describeFilter, isFilterActive, validateRange, type AuditFilter, type DatePreset } from "../core/audit/auditFilter";

type Field = "text" | "types" | "initiator" | "target" | "dates" | "apply" | "clear";

/**
 * The filter flow of `netbird.audit.filter`: a menu of the filter's parts (text, activity types, initiator,
 * target, date range) showing the draft values; each opens its own input and comes back to the menu.
 * "Apply" applies the draft; Escape in the menu leaves the active filter as it was. Typed values are kept
 * in the draft while moving between inputs.
 */
export async function promptForFilter(current: AuditFilter, events: readonly AuditEvent[]): Promise<AuditFilter | undefined> {
  let draft: AuditFilter = { ...current };
  for (;;) {
    const field = await pickField(draft);
    if (!field) return undefined;
    if (field === "apply") return draft;
    if (field === "clear") return {};
    const next = await editField(field, draft, events);
    if (next) draft = next;
  }
}

async function pickField(draft: AuditFilter): Promise<Field | undefined> {
  const any = "any";
  const items: (vscode.QuickPickItem & { field: Field })[] = [
    { field: "apply", label: "$(check) Apply Filter", description: isFilterActive(draft) ? describeFilter(draft) : "no filter: show all events" },
    { field: "text", label: "$(search) Text", description: draft.text?.trim() || any, detail: "Words to find in the activity, meta values, initiator, target or ID" },
    { field: "types", label: "$(symbol-enum) Activity Types", description: draft.activityCodes?.length ? draft.activityCodes.join(", ") : any },
    { field: "initiator", label: "$(person) Initiator", description: draft.initiatorIds?.length ? draft.initiatorIds.join(", ") : any },
    { field: "target", label: "$(target) Target", description: draft.target?.trim() || any, detail: "A target ID, or a name, email or IP in the event's details" },
    {
      field: "dates",
      label: "$(calendar) Date Range",
      description: draft.datePreset ? DATE_PRESET_LABELS[draft.datePreset] : draft.from || draft.to ? `${draft.from ?? "…"} – ${draft.to ?? "…"}` : "any time",
    },
    { field: "clear", label: "$(clear-all) Clear All", description: "remove every condition" },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: "NetBird: Filter Audit Events", placeHolder: "Choose what to filter by, then Apply Filter" });
  return picked?.field;
}

async function editField(field: Exclude<Field, "apply" | "clear">, draft: AuditFilter, events: readonly AuditEvent[]): Promise<AuditFilter | undefined> {
  switch (field) {
    case "text": {
      const text = await vscode.window.showInputBox({ title: "Filter by text", value: draft.text ?? "", prompt: "All words must appear (case-insensitive). Empty = any." });
      return text === undefined ? undefined : { ...draft, text: text.trim() || undefined };
    }
    case "target": {
      const target = await vscode.window.showInputBox({ title: "Filter by target", value: draft.target ?? "", prompt: "Target ID, or part of a name, email or IP in the event details. Empty = any." });
      return target === undefined ? undefined : { ...draft, target: target.trim() || undefined };
    }
    case "types":
      return pickTypes(draft, events);
    case "initiator":
      return pickInitiators(draft, events);
    case "dates":
      return pickDates(draft);
  }
}

async function pickTypes(draft: AuditFilter, events: readonly AuditEvent[]): Promise<AuditFilter | undefined> {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.activity_code, (counts.get(e.activity_code) ?? 0) + 1);
  for (const code of draft.activityCodes ?? []) if (!counts.has(code)) counts.set(code, 0);
  const selected = new Set(draft.activityCodes ?? []);
  const codes = [...counts.keys()].sort((a, b) => activityCategory(a).localeCompare(activityCategory(b)) || a.localeCompare(b));
  type Item = vscode.QuickPickItem & { code?: string };
  const items: Item[] = [];
  let lastCategory = "";
  for (const code of codes) {
    const category = activityCategory(code);
    if (category !== lastCategory) {
      items.push({ label: categoryLabel(category), kind: vscode.QuickPickItemKind.Separator });
      lastCategory = category;
    }
    items.push({ code, label: activityTitle(code), description: `${code} · ${counts.get(code) ?? 0}`, picked: selected.has(code) });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: "Filter by activity type (types present in the loaded events)",
    canPickMany: true,
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  const activityCodes = picked.map((p) => p.code).filter((c): c is string => Boolean(c));
  return { ...draft, activityCodes: activityCodes.length ? activityCodes : undefined };
}

async function pickInitiators(draft: AuditFilter, events: readonly AuditEvent[]): Promise<AuditFilter | undefined> {
  const byId = new Map<string, { event: AuditEvent; count: number }>();
  for (const e of events) {
    const entry = byId.get(e.initiator_id);
    if (entry) entry.count++;
    else byId.set(e.initiator_id, { event: e, count: 1 });
  }
  const selected = new Set(draft.initiatorIds ?? []);
  const items = [...byId.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([id, { event, count }]) => ({
      id,
      label: initiatorDisplay(event),
      description: `${event.initiator_email && event.initiator_email !== initiatorDisplay(event) ? `${event.initiator_email} · ` : ""}${count} event${count === 1 ? "" : "s"}`,
      detail: id,
      picked: selected.has(id),
    }));
  const picked = await vscode.window.showQuickPick(items, { title: "Filter by initiator", canPickMany: true, matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  return { ...draft, initiatorIds: picked.length ? picked.map((p) => p.id) : undefined };
}

async function pickDates(draft: AuditFilter): Promise<AuditFilter | undefined> {
  type Item = vscode.QuickPickItem & { preset?: DatePreset | "any" | "custom" };
  const items: Item[] = [
    { preset: "any", label: "Any time" },
    ...(Object.keys(DATE_PRESET_LABELS) as DatePreset[]).map((preset) => ({ preset, label: DATE_PRESET_LABELS[preset], picked: draft.datePreset === preset })),
    { preset: "custom", label: "Custom range…", description: draft.from || draft.to ? `${draft.from ?? "…"} – ${draft.to ?? "…"}` : undefined },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: "Filter by date" });
  if (!picked) return undefined;
  if (picked.preset === "any") return { ...draft, datePreset: undefined, from: undefined, to: undefined };
  if (picked.preset !== "custom") return { ...draft, datePreset: picked.preset, from: undefined, to: undefined };
  const from = await vscode.window.showInputBox({
    title: "From (inclusive)",
    value: draft.from ?? "",
    placeHolder: "YYYY-MM-DD or YYYY-MM-DDTHH:MM (empty = no start)",
    validateInput: (v) => (v.trim() ? validateRange(v, undefined) : undefined),
  });
  if (from === undefined) return undefined;
  const to = await vscode.window.showInputBox({
    title: "To (a date alone includes that whole day)",
    value: draft.to ?? "",
    placeHolder: "YYYY-MM-DD or YYYY-MM-DDTHH:MM (empty = now)",
    validateInput: (v) => validateRange(from.trim() || undefined, v.trim() || undefined),
  });
  if (to === undefined) return undefined;
  return { ...draft, datePreset: undefined, from: from.trim() || undefined, to: to.trim() || undefined };
}
