/**
 * Makes untrusted text (audit meta values, names, activity messages) safe to show on one line of a VS Code
 * tree: no control characters or newlines, no bidi overrides or zero-width characters, bounded length.
 * Plain text only: nothing is HTML-escaped. Browser-safe (no Node APIs).
 */

/** Longest meta value (in code points) shown inside a sentence. */
export const MAX_VALUE_LENGTH = 80;
/** Longest label (in code points) a sentence may have. */
export const MAX_LABEL_LENGTH = 120;
/** Work on at most this many UTF-16 units of a raw value, so 100 KB strings stay cheap. */
const MAX_RAW_LENGTH = 4096;

const ELLIPSIS = "…";

/**
 * Invisible formatting characters: bidi embeddings/overrides (U+202A–U+202E), bidi isolates (U+2066–U+2069),
 * LRM/RLM/ALM marks, zero-width space/joiners (U+200B–U+200D), word joiner and invisible operators
 * (U+2060–U+2064), BOM/ZWNBSP (U+FEFF), Mongolian vowel separator (U+180E) and soft hyphen (U+00AD).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** C0/C1 controls, DEL, line/paragraph separators and any whitespace run: each run becomes one space. */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\s]+/g;
/** A surrogate half without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes bidi controls and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** Cuts `text` to at most `max` code points, ending with "…" when it was cut. Never splits a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const limit = Math.max(1, Math.floor(max));
  let count = 0;
  for (const _ of text) {
    count++;
    if (count > limit) {
      break;
    }
  }
  if (count <= limit) {
    return text;
  }
  let out = "";
  let kept = 0;
  for (const ch of text) {
    if (kept === limit - 1) {
      break;
    }
    out += ch;
    kept++;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * One line of displayable text: invisible characters stripped, controls and whitespace runs collapsed to
 * one space, lone surrogates replaced, trimmed, and capped at `max` code points (default MAX_VALUE_LENGTH).
 * Non-strings become "".
 */
export function cleanText(value: unknown, max: number = MAX_VALUE_LENGTH): string {
  if (typeof value !== "string") {
    return "";
  }
  if (value.length <= max && value.length <= MAX_RAW_LENGTH && isCleanLine(value)) {
    return value;
  }
  const cut = value.length > MAX_RAW_LENGTH;
  const raw = cut ? value.slice(0, MAX_RAW_LENGTH) : value;
  let text = stripInvisible(raw).replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL_OR_SPACE, " ").trim();
  if (cut && text.length > 0 && !text.endsWith(ELLIPSIS)) {
    text += ELLIPSIS;
  }
  return truncateText(text, max);
}

const SPACE = 0x20;

/**
 * Characters cleanText keeps as they are: printable ASCII, and the ranges up to U+167F and of general punctuation
 * (typographic quotes, dashes, ellipsis) that hold nothing the cleaning replaces or strips (whitespace, line
 * breaks, controls, bidi controls, the invisible characters above, surrogates).
 */
function isKept(code: number): boolean {
  if (code < 0x7f) return code > SPACE;
  if (code < 0x1680) return code > 0xa0 && code !== 0xad && code !== 0x61c;
  return (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e);
}

/**
 * True for text cleanText would return unchanged (most names, e-mails, meta values and sentences): kept characters
 * with single spaces between them, found in one pass instead of three replacements. The tree cleans several
 * values for each of the events it shows.
 */
function isCleanLine(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (!isKept(code) && (code !== SPACE || i === 0 || i === last || text.charCodeAt(i + 1) === SPACE)) {
      return false;
    }
  }
  return true;
}

/** `text` with its first character upper-cased. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
