/** Short titles for activity codes (NetBird's messages), for filters and fallbacks. */

import { ACTIVITY_MESSAGES } from "./activityMessages";
import { capitalize, cleanText } from "./sanitizeText";

/** A code made readable: "UNKNOWN_ACTIVITY" → "Unknown activity", "foo.bar_baz" → "Foo bar baz". */
export function readableActivityCode(code: string): string {
  const words = cleanText(typeof code === "string" ? code : "")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
  return words === "" ? "Unknown activity" : capitalize(words);
}

/** True when `code` is one of the 160 known activity codes. */
export function isKnownActivityCode(code: string): boolean {
  return typeof code === "string" && Object.hasOwn(ACTIVITY_MESSAGES, code);
}

/** NetBird's message for a code ("Route created"), else a readable form of the code. */
export function activityTitle(code: string): string {
  return isKnownActivityCode(code) ? (ACTIVITY_MESSAGES[code] ?? readableActivityCode(code)) : readableActivityCode(code);
}
