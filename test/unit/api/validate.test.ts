import * as assert from "node:assert/strict";
import { checkAuditEvents, checkTrafficPage, ShapeError } from "../../../src/core/api/validate";
import { auditEvent } from "../../support/auditEvents";
import { trafficEvent } from "../../support/trafficEvents";

/*
 * The validators have a quick yes/no path and a precise path that names what is wrong. These tests hold both
 * to one written-down shape: every field of a record is set to every kind of wrong (and right) value, and the
 * response must be refused exactly when the shape says the value is not allowed, with the path of that field.
 */
type Shape = "str" | "strOrNull" | "num" | "optNum" | "optStr" | "anyStrings" | { readonly object: Fields; readonly optional?: boolean } | { readonly list: Fields };
type Fields = Readonly<Record<string, Shape>>;

const GEO: Fields = { city_name: "strOrNull", country_code: "strOrNull" };
const ENDPOINT: Fields = { id: "str", name: "str", type: "str", address: "str", os: "strOrNull", dns_label: "strOrNull", geo_location: { object: GEO, optional: true } };
const TRAFFIC: Fields = {
  flow_id: "str",
  reporter_id: "str",
  source: { object: ENDPOINT },
  destination: { object: ENDPOINT },
  user: { object: { id: "strOrNull", email: "strOrNull", name: "strOrNull" } },
  policy: { object: { id: "strOrNull", name: "strOrNull" } },
  icmp: { object: { type: "num", code: "num" } },
  protocol: "num",
  direction: "str",
  rx_bytes: "num",
  rx_packets: "num",
  tx_bytes: "num",
  tx_packets: "num",
  num_of_starts: "optNum",
  num_of_ends: "optNum",
  num_of_drops: "optNum",
  window_start: "optStr",
  window_end: "optStr",
  events: { list: { type: "str", timestamp: "str" } },
};
const AUDIT: Fields = {
  id: "str",
  timestamp: "str",
  activity: "str",
  activity_code: "str",
  initiator_id: "str",
  initiator_name: "strOrNull",
  initiator_email: "strOrNull",
  target_id: "str",
  meta: "anyStrings",
};

const VALUES: readonly unknown[] = [undefined, null, "", "x", 0, 7.5, Number.NaN, Number.POSITIVE_INFINITY, true, {}, [], [{}], { a: "b" }, { a: 1 }];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether `shape` allows `value` (the written-down contract). */
function allows(shape: Shape, value: unknown): boolean {
  const missing = value === undefined || value === null;
  if (shape === "str") return typeof value === "string";
  if (shape === "strOrNull" || shape === "optStr") return missing || typeof value === "string";
  if (shape === "num") return typeof value === "number" && Number.isFinite(value);
  if (shape === "optNum") return missing || (typeof value === "number" && Number.isFinite(value));
  if (shape === "anyStrings") return missing || (isObject(value) && Object.values(value).every((v) => typeof v === "string"));
  if ("list" in shape) return Array.isArray(value) && value.every((item) => isObject(item) && fitsAll(shape.list, item));
  if (missing) return shape.optional === true;
  return isObject(value) && fitsAll(shape.object, value);
}

const fitsAll = (fields: Fields, value: Record<string, unknown>) => Object.entries(fields).every(([key, shape]) => allows(shape, value[key]));

/** Every field path of a record with its shape, nested objects and the first element of lists included. */
function paths(fields: Fields, prefix: (string | number)[] = []): { path: (string | number)[]; shape: Shape }[] {
  return Object.entries(fields).flatMap(([key, shape]) => {
    const here = [...prefix, key];
    if (typeof shape === "string") return [{ path: here, shape }];
    if ("list" in shape) return [{ path: here, shape }, ...paths(shape.list, [...here, 0])];
    return [{ path: here, shape }, ...paths(shape.object, here)];
  });
}

function withValue<T>(record: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy as T;
}

/** Runs every mutation of `record` through `check` (which wraps one record) and compares with the shape. */
function mutateAll(fields: Fields, record: object, check: (record: object) => void, pathOf: (path: (string | number)[]) => RegExp): number {
  let cases = 0;
  for (const { path, shape } of paths(fields)) {
    for (const value of VALUES) {
      const mutated = withValue(record, path, value);
      const expectedOk = fitsAll(fields, mutated as Record<string, unknown>);
      cases++;
      let error: unknown;
      try {
        check(mutated);
      } catch (e) {
        error = e;
      }
      const label = `${path.join(".")} = ${JSON.stringify(value) ?? "missing"} (${typeof shape === "string" ? shape : "object"})`;
      if (expectedOk) assert.equal(error, undefined, `${label} is allowed, but was refused: ${String(error)}`);
      else {
        assert.ok(error instanceof ShapeError, `${label} is not allowed, but was accepted`);
        assert.match(error.path, pathOf(path), `${label}: the error names the wrong field (${error.path})`);
      }
    }
  }
  return cases;
}

/** The error path of a record's field as the validators write it, e.g. response.data[1].source.geo_location. */
const fieldPattern = (root: string, path: (string | number)[]) =>
  new RegExp(`^${root.replace(/[[\].]/g, "\\$&")}${path.map((k) => (typeof k === "number" ? `\\[${k}\\]` : `\\.${k}`)).join("")}`);

describe("response validation", () => {
  it("accepts exactly the traffic records the shape allows, and names the field it refuses", () => {
    const good = trafficEvent();
    const page = (record: object) => ({ data: [trafficEvent({ flow_id: "other" }), record], page: 1, page_size: 2, total_records: 2, total_pages: 1 });
    checkTrafficPage(page(good));
    const cases = mutateAll(TRAFFIC, good, (record) => checkTrafficPage(page(record)), (path) => fieldPattern("response.data[1]", path));
    assert.ok(cases > 500, `${cases} cases`);
  });

  it("accepts exactly the audit events the shape allows, and names the field it refuses", () => {
    const good = auditEvent({ id: "1" });
    const list = (record: object) => [auditEvent({ id: "2" }), record];
    const { events, times } = checkAuditEvents(list(good));
    assert.equal(events.length, 2);
    assert.equal(times[1], Date.parse(good.timestamp));
    mutateAll(AUDIT, good, (record) => checkAuditEvents(list(record)), (path) => fieldPattern("response[1]", path));
    // Meta values must be strings.
    assert.throws(() => checkAuditEvents(list({ ...good, meta: { name: "x", count: 3 } })), /response\[1\]\.meta\.count: expected a string/);
  });

  it("refuses what is not a record at all, and keeps unknown fields", () => {
    for (const bad of [null, "x", 1, [], true]) {
      assert.throws(() => checkTrafficPage({ data: [bad], page: 1, page_size: 1, total_records: 1, total_pages: 1 }), /response\.data\[0\]: expected an object/);
      assert.throws(() => checkAuditEvents([bad]), /response\[0\]: expected an object/);
    }
    const extra = { ...trafficEvent(), future_field: { nested: [1, 2] } };
    const page = checkTrafficPage({ data: [extra], page: 1, page_size: 1, total_records: 1, total_pages: 1 });
    assert.equal(page.data[0], extra, "the very object, unknown fields and all");
  });
});
