/**
 * Reading audit `meta` values. The server formats every value with Go's `fmt.Sprintf("%v")`:
 * booleans are "true"/"false", string lists are "[a b]", nil is "<nil>" (notes §7).
 */

import { cleanText } from "./sanitizeText";

/** Values that mean "nothing" once formatted by Go (or by a careless client). */
const EMPTY_VALUES: ReadonlySet<string> = new Set(["<nil>", "[]", "map[]", "null", "undefined", "invalid Prefix"]);

/** True for values that carry no information: "", "<nil>", "[]", "map[]", "null", "undefined", "invalid Prefix". */
export function isEmptyGoValue(value: string): boolean {
  return value.trim() === "" || EMPTY_VALUES.has(value.trim());
}

/** "true" → true, "false" → false (case-insensitive), anything else → undefined. Never treat "false" as truthy. */
export function parseGoBool(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  return v === "true" ? true : v === "false" ? false : undefined;
}

/**
 * Items of a Go list string: "[a b]" → ["a", "b"]; "[]", "", "<nil>" → []. A value without brackets is
 * read as a comma-separated list ("a, b" → ["a", "b"]), which is how NetBird formats route domains.
 */
export function parseGoList(value: string | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  const v = value.trim();
  if (isEmptyGoValue(v)) {
    return [];
  }
  if (v.startsWith("[") && v.endsWith("]")) {
    return v
      .slice(1, -1)
      .split(/\s+/)
      .filter((item) => item !== "" && !isEmptyGoValue(item));
  }
  return v
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "" && !isEmptyGoValue(item));
}

/** A Go list string for display: "[a b]" → "a, b" (cleaned and capped); "" when the list is empty. */
export function formatGoList(value: string | undefined, max?: number): string {
  return cleanText(parseGoList(value).join(", "), max);
}

/** The raw string stored under `key`, or undefined. Tolerates a missing or malformed `meta` object. */
export function rawMetaValue(meta: unknown, key: string): string | undefined {
  if (meta === null || typeof meta !== "object" || !Object.hasOwn(meta, key)) {
    return undefined;
  }
  const value: unknown = (meta as Record<string, unknown>)[key];
  if (typeof value === "string") {
    return value;
  }
  return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

/** The displayable value of `meta[key]` (cleaned, capped), or undefined when missing or empty. */
export function metaText(meta: unknown, key: string): string | undefined {
  const raw = rawMetaValue(meta, key);
  if (raw === undefined || isEmptyGoValue(raw)) {
    return undefined;
  }
  const text = cleanText(raw);
  return text === "" || isEmptyGoValue(text) ? undefined : text;
}
