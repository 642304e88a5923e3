/** Sentences for account-wide settings (account.*). Setting toggles carry no meta (notes §8.2). */

import { named } from "../phrases";
import type { SentenceTemplate, TemplateContext } from "../templateContext";

const fixed =
  (sentence: string): SentenceTemplate =>
  () =>
    sentence;

/** "network range from A to B" / "network range to B", or undefined when the new range is unknown. */
function rangeChange(c: TemplateContext, label: string, suffix: string): string | undefined {
  const from = c.text(`old_network_range${suffix}`);
  const to = c.text(`new_network_range${suffix}`);
  if (to === undefined) {
    return undefined;
  }
  return from === undefined ? `${label} to ${to}` : `${label} from ${from} to ${to}`;
}

/** An IPv4 and/or IPv6 range change (an IPv6 change comes with only the *_v6 keys). */
function networkRangeChange(c: TemplateContext): string {
  const parts = [rangeChange(c, "network range", ""), rangeChange(c, "IPv6 network range", "_v6")].filter(
    (s): s is string => s !== undefined,
  );
  return parts.length === 0 ? "Changed the network range" : `Changed the ${parts.join(" and the ")}`;
}

export const ACCOUNT_TEMPLATES: Readonly<Record<string, SentenceTemplate>> = {
  "account.create": fixed("Created the account"),
  "account.delete": (c) => {
    const domain = c.text("domain");
    return domain === undefined ? "Deleted the account" : `Deleted the account ${domain}`;
  },

  "account.setting.peer.login.expiration.enable": fixed("Enabled peer login expiration"),
  "account.setting.peer.login.expiration.disable": fixed("Disabled peer login expiration"),
  "account.setting.peer.login.expiration.update": fixed("Changed the peer login expiration period"),
  "account.peer.inactivity.expiration.enable": fixed("Enabled peer inactivity expiration"),
  "account.peer.inactivity.expiration.disable": fixed("Disabled peer inactivity expiration"),
  "account.peer.inactivity.expiration.update": fixed("Changed the peer inactivity expiration period"),
  "account.setting.peer.approval.enable": fixed("Enabled peer approval"),
  "account.setting.peer.approval.disable": fixed("Disabled peer approval"),
  "account.setting.group.propagation.enable": fixed("Enabled user group propagation"),
  "account.setting.group.propagation.disable": fixed("Disabled user group propagation"),
  "account.setting.routing.peer.dns.resolution.enable": fixed("Enabled DNS resolution on routing peers"),
  "account.setting.routing.peer.dns.resolution.disable": fixed("Disabled DNS resolution on routing peers"),
  "account.setting.lazy.connection.enable": fixed("Enabled lazy connections"),
  "account.setting.lazy.connection.disable": fixed("Disabled lazy connections"),
  "account.setting.peer.expose.enable": fixed("Allowed peers to expose services"),
  "account.setting.peer.expose.disable": fixed("Stopped peers from exposing services"),
  "account.setting.auto.update.always.enable": fixed("Enabled always auto-update"),
  "account.setting.auto.update.always.disable": fixed("Disabled always auto-update"),
  "account.setting.ipv6.enable": fixed("Enabled the IPv6 overlay"),
  "account.setting.ipv6.disable": fixed("Disabled the IPv6 overlay"),
  "account.setting.local.mfa.enable": fixed("Enabled local MFA"),
  "account.setting.local.mfa.disable": fixed("Disabled local MFA"),
  "account.setting.metrics.push.enable": fixed("Enabled metrics push"),
  "account.setting.metrics.push.disable": fixed("Disabled metrics push"),

  "account.network.range.update": networkRangeChange,
  "account.settings.auto.version.update": (c) => {
    const version = c.text("version");
    return version === undefined ? "Changed the auto-update version" : `Set the auto-update version to ${version}`;
  },
  "account.settings.extra.flow.group.add": (c) =>
    `Added ${named("group", c.text("group_name"))} to traffic event logging`,
  "account.settings.extra.flow.group.remove": (c) =>
    `Removed ${named("group", c.text("group_name"))} from traffic event logging`,
};
