import type { TrafficEndpoint, TrafficEvent } from "../../src/core/api/models";

export function endpoint(patch: Partial<TrafficEndpoint> = {}): TrafficEndpoint {
  return {
    id: "peer-a",
    type: "PEER",
    name: "alice-laptop",
    geo_location: { city_name: "Berlin", country_code: "DE" },
    os: "Linux",
    address: "100.64.0.10:51234",
    dns_label: "alice-laptop.netbird.cloud",
    ...patch,
  };
}

/** A traffic record for tests; every field can be overridden. */
export function trafficEvent(patch: Partial<TrafficEvent> = {}): TrafficEvent {
  return {
    flow_id: "6f1c2a3b-0000-4000-8000-000000000001",
    reporter_id: "peer-a",
    source: endpoint(),
    destination: endpoint({ id: "peer-b", name: "db-prod-1", address: "100.64.0.20:5432", os: null, dns_label: null, geo_location: { city_name: "", country_code: "" } }),
    user: { id: "user-1", email: "alice@example.com", name: "Alice" },
    policy: { id: "pol-1", name: "Office to DB" },
    icmp: { type: 0, code: 0 },
    protocol: 6,
    direction: "EGRESS",
    rx_bytes: 2048,
    rx_packets: 10,
    tx_bytes: 1024,
    tx_packets: 8,
    num_of_starts: 3,
    num_of_ends: 2,
    num_of_drops: 0,
    window_start: "2026-11-26T10:00:00Z",
    window_end: "2026-11-26T10:05:00Z",
    events: [{ type: "TYPE_START", timestamp: "2026-11-26T10:00:01Z" }],
    ...patch,
  };
}
