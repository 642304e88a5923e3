/** Sentences for user activity (user.*, service users, access tokens, dashboard logins). */

import { named, plain } from "../phrases";
import type { SentenceTemplate, TemplateContext } from "../templateContext";

/** The target user as "bob@acme.io", or `fallback` when unknown. */
const userOr = (c: TemplateContext, fallback: string): string => c.user() ?? fallback;
const userRef = (c: TemplateContext): string => plain("user", c.user());

/** The member of a user.group.* event: a service user by name, else the user's e-mail or name. */
function groupMember(c: TemplateContext): string {
  if (c.flag("is_service_user") === true) {
    return named("service user", c.text("user_name", "username"));
  }
  return c.text("email", "username", "user_name") ?? "a user";
}

/** " for <owner>" for token events, when the owner is not simply the initiator. */
function tokenOwner(c: TemplateContext): string {
  if (c.flag("is_service_user") === true) {
    return ` for ${named("service user", c.text("user_name", "username"))}`;
  }
  if (c.selfTargeted()) {
    return "";
  }
  const owner = c.user();
  return owner === undefined ? "" : ` for ${owner}`;
}

const pending = (c: TemplateContext): string => (c.flag("pending_approval") === true ? " (pending approval)" : "");

export const USER_TEMPLATES: Readonly<Record<string, SentenceTemplate>> = {
  "user.join": (c) => {
    const who = c.text("username", "email") ?? c.initiator();
    return `${who ?? "A user"} joined the account${pending(c)}`;
  },
  "user.invite": (c) => `Invited ${userOr(c, "a user")}`,
  "user.create": (c) => `Created ${userRef(c)}`,
  "user.block": (c) => `Blocked ${userRef(c)}`,
  "user.unblock": (c) => `Unblocked ${userRef(c)}`,
  "user.approve": (c) => `Approved ${userRef(c)}`,
  "user.reject": (c) => `Rejected ${userRef(c)}`,
  "user.delete": (c) => `Deleted ${userRef(c)}`,
  "user.role.update": (c) => {
    const user = c.user();
    const role = c.text("role");
    const whose = user === undefined ? "a user’s role" : `role of ${user}`;
    return role === undefined ? `Changed ${whose}` : `Changed ${whose} to ${role}`;
  },
  "user.group.add": (c) => `Added ${groupMember(c)} to ${named("group", c.text("group"))}`,
  "user.group.delete": (c) => `Removed ${groupMember(c)} from ${named("group", c.text("group"))}`,
  "user.password.change": (c) => {
    if (c.selfTargeted()) {
      return "Changed their password";
    }
    const user = c.user();
    return user === undefined ? "Changed a user’s password" : `Changed the password of ${user}`;
  },
  "user.invite.link.create": (c) => {
    const email = c.text("email");
    return email === undefined ? "Created an invite link" : `Created an invite link for ${email}`;
  },
  "user.invite.link.regenerate": (c) => {
    const email = c.text("email");
    return email === undefined ? "Regenerated an invite link" : `Regenerated the invite link for ${email}`;
  },
  "user.invite.link.delete": (c) => {
    const email = c.text("email");
    return email === undefined ? "Deleted an invite link" : `Deleted the invite link for ${email}`;
  },
  "user.invite.link.accept": (c) => {
    const who = c.text("email", "username") ?? c.initiator();
    return `${who ?? "A user"} accepted an invite link`;
  },
  "transferred.owner.role": (c) => {
    const user = c.user();
    return user === undefined ? "Transferred the owner role" : `Transferred the owner role to ${user}`;
  },
  "service.user.create": (c) => `Created ${named("service user", c.text("name", "username"))}`,
  "service.user.delete": (c) => `Deleted ${named("service user", c.text("name", "username"))}`,
  "personal.access.token.create": (c) => `Created ${named("access token", c.text("name"), "an")}${tokenOwner(c)}`,
  "personal.access.token.delete": (c) => `Deleted ${named("access token", c.text("name"), "an")}${tokenOwner(c)}`,
  "dashboard.login": () => "Logged in to the dashboard",
};
