/** A coarse verb for an activity code, for colouring (create green, delete red, …). */

import { memoByCode } from "./memoByCode";

export type ActivityVerb = "create" | "update" | "delete" | "login" | "other";

const CREATE = new Set(["add", "create", "created", "invite", "join", "accept", "expose", "activated"]);
const DELETE = new Set(["delete", "deleted", "remove", "revoke", "reject", "unexpose", "unlinked"]);
const UPDATE = new Set([
  "update",
  "updated",
  "rename",
  "enable",
  "disable",
  "change",
  "regenerate",
  "validate",
  "extend",
  "approve",
  "approved",
  "block",
  "unblock",
  "role",
]);

/**
 * "login" for logins (dashboard.login, user.peer.login); otherwise by the code's last segment:
 * add/create/invite/join/expose… → "create"; delete/remove/revoke/reject… → "delete";
 * update/rename/enable/disable/approve/block… → "update"; anything else (expire, overuse, …) → "other".
 */
export const activityVerb: (code: string) => ActivityVerb = memoByCode(verbOf);

function verbOf(code: string): ActivityVerb {
  const c = typeof code === "string" ? code.trim().toLowerCase() : "";
  const segments = c.split(".");
  const last = segments[segments.length - 1] ?? "";
  if (last === "login") {
    return "login";
  }
  if (CREATE.has(last)) {
    return "create";
  }
  if (DELETE.has(last)) {
    return "delete";
  }
  return UPDATE.has(last) ? "update" : "other";
}
