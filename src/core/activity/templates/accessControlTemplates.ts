/** Sentences for access control: groups, policies, legacy rules, posture checks and setup keys. */

import { details, named, quoted } from "../phrases";
import type { SentenceTemplate, TemplateContext } from "../templateContext";

const byName =
  (verb: string, noun: string): SentenceTemplate =>
  (c) =>
    `${verb} ${named(noun, c.text("name"))}`;

const setupKey = (c: TemplateContext): string => named("setup key", c.text("name"));

export const ACCESS_CONTROL_TEMPLATES: Readonly<Record<string, SentenceTemplate>> = {
  "group.add": byName("Created", "group"),
  "group.delete": byName("Deleted", "group"),
  "group.update": (c) => {
    const from = c.text("old_name");
    const to = c.text("new_name");
    if (from !== undefined && to !== undefined) {
      return `Renamed group ${quoted(from)} to ${quoted(to)}`;
    }
    if (to !== undefined) {
      return `Renamed a group to ${quoted(to)}`;
    }
    return from === undefined ? "Renamed a group" : `Renamed group ${quoted(from)}`;
  },

  "policy.add": byName("Created", "policy"),
  "policy.update": byName("Updated", "policy"),
  "policy.delete": byName("Deleted", "policy"),

  "rule.add": byName("Added", "rule"),
  "rule.update": byName("Updated", "rule"),
  "rule.delete": byName("Deleted", "rule"),

  "posture.check.create": byName("Created", "posture check"),
  "posture.check.update": byName("Updated", "posture check"),
  "posture.check.delete": byName("Deleted", "posture check"),

  "setupkey.add": (c) => `Created ${setupKey(c)}${details(c.text("type"))}`,
  "setupkey.update": (c) => `Updated ${setupKey(c)}`,
  "setupkey.revoke": (c) => `Revoked ${setupKey(c)}`,
  "setupkey.delete": (c) => `Deleted ${setupKey(c)}`,
  "setupkey.overuse": (c) => {
    const name = c.text("name");
    return name === undefined ? "A setup key was overused" : `Setup key ${quoted(name)} was overused`;
  },
  "setupkey.group.add": (c) =>
    `Added ${named("group", c.text("group"))} to ${named("setup key", c.text("setupkey"))}`,
  "setupkey.group.delete": (c) =>
    `Removed ${named("group", c.text("group"))} from ${named("setup key", c.text("setupkey"))}`,
};
