/**
 * Sentences for the reverse-proxy services and domains, agent networks, identity providers, integrations
 * and reseller (MSP) activity.
 */

import { details, named, onOff, plain, quoted } from "../phrases";
import type { SentenceTemplate, TemplateContext } from "../templateContext";

const service = (c: TemplateContext): string => named("service", c.text("name"));

/** " (app.acme.io, authentication on)". `auth` is "true"/"false": never test it for truthiness. */
const serviceDetails = (c: TemplateContext, withAuth: boolean): string =>
  details(c.text("domain"), withAuth && onOff("authentication", c.flag("auth")));

const exposingPeer = (c: TemplateContext): string | undefined => c.text("peer_name", "peer_ip");

/** "Created agent network policy “x”", or "Created an agent network policy". */
const agentObject =
  (verb: string, noun: string): SentenceTemplate =>
  (c) =>
    `${verb} ${named(`agent network ${noun}`, c.text("name"), "an")}`;

/** Agent network objects with an `enabled` flag: say "(disabled)" only when it is "false". */
const agentObjectEnabled =
  (verb: string, noun: string): SentenceTemplate =>
  (c) =>
    `${agentObject(verb, noun)(c)}${c.flag("enabled") === false ? " (disabled)" : ""}`;

function domainDetails(c: TemplateContext): string {
  const cluster = c.text("target_cluster");
  return details(cluster && `cluster ${cluster}`, c.flag("validated") === true && "validated");
}

function agentSettings(c: TemplateContext): string {
  const endpoint = c.text("endpoint");
  if (c.flag("bootstrapped") !== undefined || endpoint !== undefined || c.flag("dedicated") !== undefined) {
    const where = endpoint === undefined ? "" : ` at ${endpoint}`;
    return `Set up the agent network${where}${c.flag("dedicated") === true ? " (dedicated)" : ""}`;
  }
  return `Updated agent network settings${details(
    onOff("log collection", c.flag("log_collection")),
    onOff("prompt collection", c.flag("prompt_collection")),
    onOff("PII redaction", c.flag("redact_pii")),
  )}`;
}

const integration =
  (verb: string, noun: string): SentenceTemplate =>
  (c) => {
    const platform = c.text("platform");
    return platform === undefined ? `${verb} an ${noun}` : `${verb} the ${platform} ${noun}`;
  };

const msp = (c: TemplateContext): string =>
  `${named("MSP customer", c.text("msp_name"), "an")}${details(c.text("msp_domain"))}`;

const mspInvite =
  (verb: string): SentenceTemplate =>
  (c) => {
    const name = c.text("msp_name");
    return name === undefined ? `${verb} an MSP invite` : `${verb} an MSP invite for ${quoted(name)}`;
  };

export const SERVICE_TEMPLATES: Readonly<Record<string, SentenceTemplate>> = {
  "service.create": (c) => `Created ${service(c)}${serviceDetails(c, true)}`,
  "service.update": (c) => `Updated ${service(c)}${serviceDetails(c, true)}`,
  "service.delete": (c) => `Deleted ${service(c)}${serviceDetails(c, false)}`,
  "service.peer.expose": (c) => {
    const peer = exposingPeer(c);
    return `${peer === undefined ? "A peer" : `Peer ${peer}`} exposed ${service(c)}${serviceDetails(c, true)}`;
  },
  "service.peer.unexpose": (c) => {
    const peer = exposingPeer(c);
    return `${peer === undefined ? "A peer" : `Peer ${peer}`} stopped exposing ${service(c)}${serviceDetails(c, false)}`;
  },
  "service.peer.expose.expire": (c) => {
    const peer = exposingPeer(c);
    return `Exposure of ${service(c)}${peer === undefined ? "" : ` by peer ${peer}`} expired`;
  },

  "domain.add": (c) => `Added ${plain("domain", c.text("domain"))}${domainDetails(c)}`,
  "domain.delete": (c) => `Deleted ${plain("domain", c.text("domain"))}`,
  "domain.validate": (c) => {
    const domain = plain("domain", c.text("domain"));
    return c.flag("validated") === false ? `Validation of ${domain} failed` : `Validated ${domain}`;
  },

  "agent_network.provider.create": agentObject("Created", "provider"),
  "agent_network.provider.update": agentObject("Updated", "provider"),
  "agent_network.provider.delete": agentObject("Deleted", "provider"),
  "agent_network.policy.create": agentObjectEnabled("Created", "policy"),
  "agent_network.policy.update": agentObjectEnabled("Updated", "policy"),
  "agent_network.policy.delete": agentObject("Deleted", "policy"),
  "agent_network.guardrail.create": agentObject("Created", "guardrail"),
  "agent_network.guardrail.update": agentObject("Updated", "guardrail"),
  "agent_network.guardrail.delete": agentObject("Deleted", "guardrail"),
  "agent_network.budget_rule.create": agentObjectEnabled("Created", "budget rule"),
  "agent_network.budget_rule.update": agentObjectEnabled("Updated", "budget rule"),
  "agent_network.budget_rule.delete": agentObject("Deleted", "budget rule"),
  "agent_network.settings.update": agentSettings,
  "agent_network.settings.delete": (c) => `Deleted the agent network settings${details(c.text("endpoint"))}`,

  "identityprovider.create": (c) => `Added ${named("identity provider", c.text("name"), "an")}${details(c.text("type"))}`,
  "identityprovider.update": (c) =>
    `Updated ${named("identity provider", c.text("name"), "an")}${details(c.text("type"))}`,
  "identityprovider.delete": (c) =>
    `Deleted ${named("identity provider", c.text("name"), "an")}${details(c.text("type"))}`,

  "integration.create": integration("Created", "integration"),
  "integration.update": integration("Updated", "integration"),
  "integration.delete": integration("Deleted", "integration"),
  "integrated-validator.api.created": integration("Created", "EDR integration"),
  "integrated-validator.api.updated": integration("Updated", "EDR integration"),
  "integrated-validator.api.deleted": integration("Deleted", "EDR integration"),

  "reseller.activated": () => "Activated the distributor account",
  "reseller.msp.created": (c) => `Created ${msp(c)}`,
  "reseller.msp.updated": (c) => `Updated ${msp(c)}`,
  "reseller.msp.deleted": (c) => `Deleted ${msp(c)}`,
  "reseller.msp.unlinked": (c) => `Unlinked ${msp(c)}`,
  "reseller.msp.invite.requested": mspInvite("Requested"),
  "reseller.msp.invite.accepted": mspInvite("Accepted"),
  "reseller.msp.invite.declined": mspInvite("Declined"),
};
