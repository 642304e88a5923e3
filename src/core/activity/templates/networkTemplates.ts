/** Sentences for routes, networks, network resources and routers, and DNS. */

import { details, named, plain, quoted } from "../phrases";
import type { SentenceTemplate, TemplateContext } from "../templateContext";

/**
 * A route as "10.0.0.0/16 (office-net)". `name` is the route's network identifier. Domain routes carry
 * their domains (and a placeholder network range, which is then not shown).
 */
function route(c: TemplateContext): string {
  const target = c.listText("domains") ?? c.text("network_range");
  const name = c.text("name");
  if (target !== undefined) {
    return `route ${target}${details(name)}`;
  }
  return named("route", name);
}

function resource(c: TemplateContext): string {
  const type = c.text("type");
  return named(type === undefined ? "resource" : `${type} resource`, c.text("name"));
}

const network = (c: TemplateContext): string => named("network", c.text("network_name"));

function routerGroups(c: TemplateContext): string {
  const count = c.list("peer_groups").length;
  return count === 0 ? "" : details(`${count} peer group${count === 1 ? "" : "s"}`);
}

function zone(c: TemplateContext): string {
  const name = c.text("name");
  const domain = c.text("domain");
  if (name !== undefined) {
    return `DNS zone ${quoted(name)}${details(domain)}`;
  }
  return plain("DNS zone", domain);
}

/** A DNS record as "A record db.acme.internal (10.0.0.5)", or "a DNS record". */
function dnsRecord(c: TemplateContext, withContent: boolean): string {
  const name = c.text("name");
  if (name === undefined) {
    return "a DNS record";
  }
  const type = c.text("type");
  const content = withContent ? c.text("content") : undefined;
  return `${type === undefined ? "" : `${type} `}record ${name}${details(content)}`;
}

const recordZone = (c: TemplateContext, preposition: string): string => {
  const zoneName = c.text("zone_name");
  return zoneName === undefined ? "" : ` ${preposition} zone ${quoted(zoneName)}`;
};

function dnsDomainChange(c: TemplateContext): string {
  const from = c.text("old_dns_domain");
  const to = c.text("new_dns_domain");
  if (from !== undefined && to !== undefined) {
    return `Changed the DNS domain from ${from} to ${to}`;
  }
  return to === undefined ? "Changed the DNS domain" : `Changed the DNS domain to ${to}`;
}

const byName =
  (verb: string, noun: string): SentenceTemplate =>
  (c) =>
    `${verb} ${named(noun, c.text("name"))}`;

export const NETWORK_TEMPLATES: Readonly<Record<string, SentenceTemplate>> = {
  "route.add": (c) => `Added ${route(c)}`,
  "route.update": (c) => `Updated ${route(c)}`,
  "route.delete": (c) => `Deleted ${route(c)}`,

  "network.create": byName("Created", "network"),
  "network.update": byName("Updated", "network"),
  "network.delete": byName("Deleted", "network"),
  "network.resource.create": (c) => `Added ${resource(c)} to ${network(c)}`,
  "network.resource.update": (c) => `Updated ${resource(c)} in ${network(c)}`,
  "network.resource.delete": (c) => `Removed ${resource(c)} from ${network(c)}`,
  "network.router.create": (c) => `Added a router to ${network(c)}${routerGroups(c)}`,
  "network.router.update": (c) => `Updated a router in ${network(c)}${routerGroups(c)}`,
  "network.router.delete": (c) => `Removed a router from ${network(c)}${routerGroups(c)}`,
  // name/id are the GROUP, resource_* the network resource (the dashboard swaps them).
  "resource.group.add": (c) =>
    `Added ${named("resource", c.text("resource_name"))} to ${named("group", c.text("name"))}`,
  "resource.group.delete": (c) =>
    `Removed ${named("resource", c.text("resource_name"))} from ${named("group", c.text("name"))}`,

  "nameserver.group.add": byName("Created", "nameserver group"),
  "nameserver.group.update": byName("Updated", "nameserver group"),
  "nameserver.group.delete": byName("Deleted", "nameserver group"),
  "dns.setting.disabled.management.group.add": (c) =>
    `Disabled DNS management for ${named("group", c.text("group"))}`,
  "dns.setting.disabled.management.group.delete": (c) =>
    `Re-enabled DNS management for ${named("group", c.text("group"))}`,
  "account.dns.domain.update": dnsDomainChange,
  "dns.zone.create": (c) => `Created ${zone(c)}`,
  "dns.zone.update": (c) => `Updated ${zone(c)}`,
  "dns.zone.delete": (c) => `Deleted ${zone(c)}`,
  "dns.zone.record.create": (c) => `Added ${dnsRecord(c, true)}${recordZone(c, "to")}`,
  "dns.zone.record.update": (c) => `Updated ${dnsRecord(c, true)}${recordZone(c, "in")}`,
  "dns.zone.record.delete": (c) => `Deleted ${dnsRecord(c, false)}${recordZone(c, "from")}`,
};
