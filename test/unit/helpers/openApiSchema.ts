// Validators for NetBird API responses, built from the vendored OpenAPI excerpt
// (resources/netbird-openapi-events.yml): OpenAPI schemas converted to JSON Schema 2020-12 for ajv.
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const SPEC_PATH = path.join(__dirname, "..", "..", "..", "..", "resources", "netbird-openapi-events.yml");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Keys without meaning for validation (and unknown to ajv's strict mode). */
const DROPPED_KEYS = new Set(["example", "examples", "nullable", "xml", "externalDocs", "discriminator"]);

/**
 * One OpenAPI schema as JSON Schema: `nullable: true` becomes a `null` alternative, `$ref`s to
 * `#/components/schemas/X` point to `#/$defs/X`, examples and `x-` extensions go.
 */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string") {
      out.$ref = value.replace("#/components/schemas/", "#/$defs/");
    } else if ((key === "properties" || key === "$defs" || key === "patternProperties") && value !== null && typeof value === "object" && !Array.isArray(value)) {
      // Keys here are property names (a property may be called "example"), values are schemas.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

export interface SpecValidators {
  /** GET /api/events/audit: Event[] */
  readonly auditEvents: ValidateFunction;
  /** GET /api/events/network-traffic: NetworkTrafficEventsResponse */
  readonly trafficPage: ValidateFunction;
  readonly trafficEvent: ValidateFunction;
  /** GET /api/users/current: User */
  readonly user: ValidateFunction;
  /** GET /api/accounts: Account[] */
  readonly accounts: ValidateFunction;
  readonly error: ValidateFunction;
}

/** The `required` entries of NetworkTrafficEvent that stay unchecked (see below). */
export const STALE_TRAFFIC_REQUIRED = ["id", "receive_timestamp"];
/** Fields records of clients older than v0.75 do not have (flows were not aggregated then). */
export const AGGREGATION_FIELDS = ["num_of_starts", "num_of_ends", "num_of_drops", "window_start", "window_end"];

let cached: SpecValidators | undefined;

export function specValidators(): SpecValidators {
  if (cached) return cached;
  const spec = parse(fs.readFileSync(SPEC_PATH, "utf8")) as { components: { schemas: Record<string, Json> } };
  const defs = toJsonSchema(spec.components.schemas as Json) as Record<string, JsonObject>;

  // The one change to the spec: NetworkTrafficEvent's `required` still lists `id` and `receive_timestamp`,
  // which are not properties: leftovers of the flat schema replaced in netbirdio/netbird 5523040a (#3680).
  // The server never sends them. (Two other known differences stay in the schema and are checked where
  // they show, see auditSchemaErrors and the traffic schema test: activity codes outside the enum, and
  // legacy flow records without the aggregation fields.)
  const trafficEvent = defs.NetworkTrafficEvent as JsonObject;
  trafficEvent.required = (trafficEvent.required as string[]).filter((name) => !STALE_TRAFFIC_REQUIRED.includes(name));

  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  // AccountSettings.network_range uses OpenAPI's `cidr` format, which ajv-formats does not know.
  ajv.addFormat("cidr", /^(?:(?:\d{1,3}\.){3}\d{1,3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/);
  ajv.addSchema({ $id: "netbird", $defs: defs as unknown as Record<string, object> });
  const ref = (name: string): object => ({ $ref: `netbird#/$defs/${name}` });
  cached = {
    auditEvents: ajv.compile({ type: "array", items: ref("Event") }),
    trafficPage: ajv.compile(ref("NetworkTrafficEventsResponse")),
    trafficEvent: ajv.compile(ref("NetworkTrafficEvent")),
    user: ajv.compile(ref("User")),
    accounts: ajv.compile({ type: "array", items: ref("Account") }),
    error: ajv.compile(ref("ErrorResponse")),
  };
  return cached;
}

/**
 * Schema errors of an audit array other than `activity_code` values outside the spec's enum: the enum lists
 * 112 codes, the server emits 143 plus cloud-only ones and UNKNOWN_ACTIVITY (the code is an open string).
 * `codesOutsideEnum` receives those codes, for the caller to check.
 */
export function auditSchemaErrors(events: unknown, codesOutsideEnum?: Set<string>): ErrorObject[] {
  const { auditEvents } = specValidators();
  if (auditEvents(events)) return [];
  return (auditEvents.errors ?? []).filter((error) => {
    const m = /^\/(\d+)\/activity_code$/.exec(error.instancePath);
    if (!m || error.keyword !== "enum") return true;
    codesOutsideEnum?.add(String((events as { activity_code: unknown }[])[Number(m[1])]?.activity_code));
    return false;
  });
}

export function describeErrors(errors: readonly ErrorObject[] | null | undefined, limit = 5): string {
  return (errors ?? [])
    .slice(0, limit)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join("; ");
}
