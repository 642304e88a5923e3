/** Sentences for peer activity (peer.*, user.peer.*, integrated-validator peer checks). */

import { details, named, plain } from "../phrases";
import type { SentenceTemplate, TemplateContext } from "../templateContext";

const peerRef = (c: TemplateContext): string => plain("peer", c.peer());
const pending = (c: TemplateContext): string => (c.flag("pending_approval") === true ? " (pending approval)" : "");

export const PEER_TEMPLATES: Readonly<Record<string, SentenceTemplate>> = {
  "peer.user.add": (c) => `Added ${peerRef(c)}${pending(c)}`,
  "peer.setupkey.add": (c) => `Added ${peerRef(c)} with ${named("setup key", c.text("setup_key_name"))}${pending(c)}`,
  "user.peer.delete": (c) => `Deleted ${peerRef(c)}`,
  "peer.rename": (c) => {
    const name = c.text("name");
    return name === undefined ? "Renamed a peer" : `Renamed peer to ${name}`;
  },
  "peer.ssh.enable": (c) => `Enabled the SSH server on ${peerRef(c)}`,
  "peer.ssh.disable": (c) => `Disabled the SSH server on ${peerRef(c)}`,
  "peer.login.expiration.enable": (c) => `Enabled login expiration for ${peerRef(c)}`,
  "peer.login.expiration.disable": (c) => `Disabled login expiration for ${peerRef(c)}`,
  "peer.inactivity.expiration.enable": (c) => `Enabled inactivity expiration for ${peerRef(c)}`,
  "peer.inactivity.expiration.disable": (c) => `Disabled inactivity expiration for ${peerRef(c)}`,
  "user.peer.login": (c) => {
    const peer = c.peer();
    return peer === undefined ? "A peer logged in" : `${peer} logged in`;
  },
  "peer.login.expire": (c) => `Login expired for ${peerRef(c)}${details(c.text("reason"))}`,
  "user.peer.session.extend": (c) => `Extended the session of ${peerRef(c)}`,
  "peer.approve": (c) => `Approved ${peerRef(c)}`,
  "peer.approval.revoke": (c) => `Revoked the approval of ${peerRef(c)}`,
  "peer.ip.update": (c) => {
    const peer = plain("peer", c.text("name", "fqdn"));
    const from = c.text("old_ip");
    const to = c.text("ip");
    if (from !== undefined && to !== undefined) {
      return `Changed the IP of ${peer} from ${from} to ${to}`;
    }
    return to !== undefined ? `Changed the IP of ${peer} to ${to}` : `Changed the IP of ${peer}`;
  },
  "peer.group.add": (c) =>
    `Added ${plain("peer", c.text("peer_fqdn", "peer_ip"))} to ${named("group", c.text("group"))}`,
  "peer.group.delete": (c) =>
    `Removed ${plain("peer", c.text("peer_fqdn", "peer_ip"))} from ${named("group", c.text("group"))}`,
  "peer.job.create": (c) => {
    const job = c.text("job_type");
    const peer = plain("peer", c.text("for_peer_name"));
    return job === undefined ? `Created a job for ${peer}` : `Created a ${job} job for ${peer}`;
  },
  "integrated-validator.host-check.approved": (c) =>
    `Host check${details(c.text("platform"))} approved ${peerRef(c)}`,
  "integrated-validator.host-check.denied": (c) => `Host check${details(c.text("platform"))} denied ${peerRef(c)}`,
  "integrated-validator.peer.compliance-bypassed": (c) => {
    const reason = c.text("original_reason");
    return `Bypassed the compliance check for ${peerRef(c)}${details(c.text("platform"), reason && `was: ${reason}`)}`;
  },
  "integrated-validator.peer.compliance-bypass-revoked": (c) =>
    `Revoked the compliance bypass for ${peerRef(c)}${details(c.text("platform"))}`,
};
