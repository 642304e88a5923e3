import type { AuditEvent, AuditEventList } from "../../src/core/api/models";

/** Builds an audit event for tests; every field can be overridden. */
export function auditEvent(patch: Partial<AuditEvent> & { id: string }): AuditEvent {
  return {
    timestamp: "2026-11-26T10:00:00Z",
    activity: "Peer added",
    activity_code: "peer.user.add",
    initiator_id: "user-1",
    initiator_name: "Alice Example",
    initiator_email: "alice@example.com",
    target_id: "peer-1",
    meta: { name: "alice-laptop", ip: "100.64.0.10" },
    ...patch,
  };
}

/** Events with their times, in the order given, as the API client lists them. */
export function auditList(events: readonly AuditEvent[]): AuditEventList {
  return { events, times: Float64Array.from(events, (e) => Date.parse(e.timestamp)) };
}
