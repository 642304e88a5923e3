/** Small phrase builders shared by the sentence templates. Inputs are already-cleaned display values. */

/** “value” in typographic quotes. */
export function quoted(value: string): string {
  return `“${value}”`;
}

/** `noun “value”`, or `a noun` / `an noun` when the value is missing. */
export function named(noun: string, value: string | undefined, article: "a" | "an" | "the" = "a"): string {
  return value === undefined ? `${article} ${noun}` : `${noun} ${quoted(value)}`;
}

/** `noun value` (unquoted: host names, IPs, e-mails), or `a noun` when the value is missing. */
export function plain(noun: string, value: string | undefined, article: "a" | "an" | "the" = "a"): string {
  return value === undefined ? `${article} ${noun}` : `${noun} ${value}`;
}

/** " (a, b)" from the present parts, or "" when none is present. */
export function details(...parts: (string | undefined | false)[]): string {
  const present = parts.filter((p): p is string => typeof p === "string" && p !== "");
  return present.length === 0 ? "" : ` (${present.join(", ")})`;
}

/** "on"/"off" for a flag, or undefined when the flag is unknown. */
export function onOff(label: string, flag: boolean | undefined): string | undefined {
  return flag === undefined ? undefined : `${label} ${flag ? "on" : "off"}`;
}
