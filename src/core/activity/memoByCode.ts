import { remembered } from "../remembered";

/** How many different codes a memo keeps before it starts over (NetBird has a few hundred activity codes). */
const KEPT_CODES = 1000;
/** Longer "codes" (a hostile or broken server) are read each time, not kept. */
const LONGEST_KEPT_CODE = 100;

/**
 * `read` remembered per activity code: the tree asks for a code's category and verb for every event it shows, and
 * each answer costs a trim, a lower-casing and a few prefix tests. A server sending ever new codes only makes the
 * memo start over. Non-strings and overlong codes are passed through unremembered.
 */
export function memoByCode<T>(read: (code: string) => T): (code: string) => T {
  const known = new Map<string, T>();
  return (code) =>
    typeof code !== "string" || code.length > LONGEST_KEPT_CODE ? read(code) : remembered(known, code, KEPT_CODES, () => read(code));
}
