import { TRAFFIC_QUERY_KEYS, type TrafficQuery } from "./models";

/**
 * Builds the query string of `GET /api/events/network-traffic` in the spec's parameter order.
 * Empty strings and undefined values are left out; numbers are sent as integers.
 */
export function trafficSearchParams(query: TrafficQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TRAFFIC_QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) continue;
      params.set(key, String(Math.trunc(value)));
    } else if (value.trim() !== "") {
      params.set(key, key === "search" ? value : value.trim());
    }
  }
  return params;
}
