/** Helpers behind the filter controls (pure, no DOM): time presets vs custom times, enum option labels. */
import { TIME_PRESETS, type TimePreset } from "../../core/traffic/trafficFilters";
import { enumLabel } from "./cellText";

/** The From/To select's value for "Custom…". */
export const CUSTOM_TIME = "custom";

export type TimeChoice = "" | TimePreset | typeof CUSTOM_TIME;

/** Which option the From/To select shows for a filter value: "" (Any), a preset, or custom. */
export function timeChoice(value: string): TimeChoice {
  const text = value.trim();
  if (!text) return "";
  const preset = TIME_PRESETS.find((p) => p.value === text);
  return preset ? preset.value : CUSTOM_TIME;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Local "YYYY-MM-DDTHH:MM" (the datetime-local input's format), or "" for an invalid time. */
export function toDateTimeLocal(ms: number): string {
  if (!Number.isFinite(ms)) return "";
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * What the custom datetime-local input shows for a custom filter value: the value itself when it is
 * already in the input's format, else the parsed time in local form (e.g. an ISO time from a pivot),
 * else "" (the text stays in the filter and its error is shown).
 */
export function customInputValue(value: string): string {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text)) return text;
  return toDateTimeLocal(Date.parse(text));
}

/** The options of an enum select: "Any" (empty) then each spec value with a readable label. */
export function enumOptions(values: readonly string[]): { value: string; label: string }[] {
  return [{ value: "", label: "Any" }, ...values.map((value) => ({ value, label: enumLabel(value) }))];
}

/** The options of a From/To select. */
export function timeOptions(): { value: TimeChoice; label: string }[] {
  return [{ value: "", label: "Any" }, ...TIME_PRESETS.map((p) => ({ value: p.value, label: p.label })), { value: CUSTOM_TIME, label: "Custom…" }];
}
