/**
 * The simulator's built-in personal access tokens, one per kind of caller. They are fixed strings with valid
 * checksums, so the same token works against every simulator instance and seed.
 */
import { makePat } from "./pat";

export type TokenRole =
  | "owner"
  | "admin"
  | "auditor"
  | "network_admin"
  | "service_user"
  | "user"
  | "blocked"
  | "pending_approval";

export const TOKEN_ROLES: readonly TokenRole[] = [
  "owner",
  "admin",
  "auditor",
  "network_admin",
  "service_user",
  "user",
  "blocked",
  "pending_approval",
];

/** What each token's user is, for the CLI banner and for tests. */
export const TOKEN_DESCRIPTIONS: Readonly<Record<TokenRole, string>> = {
  owner: "owner (the default demo token): reads everything",
  admin: "admin: reads everything",
  auditor: "auditor: reads events",
  network_admin: "network_admin: reads events",
  service_user: "service user with role user: reads events (service users may read everything)",
  user: "regular user: 403 permission denied on events, /api/users/current works",
  blocked: "blocked user: 403 user is blocked on everything",
  pending_approval: "user pending approval: 403 user is pending approval on everything",
};

const secret = (name: string): string => `Sim${name}`.padEnd(30, "0");

/** Role → PAT. `TOKENS.owner` is the demo token. */
export const TOKENS: Readonly<Record<TokenRole, string>> = Object.freeze({
  owner: makePat(secret("OwnerDemoToken")),
  admin: makePat(secret("AdminToken")),
  auditor: makePat(secret("AuditorToken")),
  network_admin: makePat(secret("NetworkAdminToken")),
  service_user: makePat(secret("ServiceUserToken")),
  user: makePat(secret("RegularUserToken")),
  blocked: makePat(secret("BlockedUserToken")),
  pending_approval: makePat(secret("PendingUserToken")),
});

export const DEMO_TOKEN = TOKENS.owner;

/** Tokens the server rejects, one per failure, for tests of the client's error handling. */
export const INVALID_TOKENS = Object.freeze({
  /** Well-formed (valid checksum) but not registered: 404 `invalid token: pat: <sha256> not found`. */
  unknown: makePat(secret("UnknownNotRegistered")),
  /** Wrong checksum: 401 `token invalid`. */
  badChecksum: `${TOKENS.owner.slice(0, 34)}${TOKENS.owner.slice(34) === "000000" ? "000001" : "000000"}`,
  /** 40 characters without the `nbp_` prefix: 401 `token invalid`. */
  badPrefix: `nbx_${TOKENS.owner.slice(4)}`,
  /** Too short: 401 `token invalid`. */
  wrongLength: TOKENS.owner.slice(0, 39),
});
