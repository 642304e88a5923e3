/**
 * Authentication and authorization as NetBird's management server does them (auth middleware, PAT checks,
 * permissions manager): `Token <PAT>` or `Bearer nbp_…` (handled as a PAT); JWTs are not supported.
 */
import { patFormatProblem, sha256Hex } from "./pat";
import { TOKEN_ROLES, TOKENS, type TokenRole } from "./tokens";
import type { SimUser, World } from "./world";

export interface ApiError {
  readonly status: number;
  readonly message: string;
}

export type AuthResult =
  | { readonly ok: true; readonly role: TokenRole; readonly user: SimUser; readonly token: string }
  | ({ readonly ok: false } & ApiError);

const ROLE_BY_TOKEN = new Map<string, TokenRole>(TOKEN_ROLES.map((role) => [TOKENS[role], role]));

/** The scheme and credential of an Authorization header (`Token abc` → [`Token`, `abc`]). */
export function splitAuthorization(header: string | undefined): { scheme: string; credential: string } | undefined {
  if (header === undefined) return undefined;
  const parts = header.split(" ");
  if (parts.length !== 2) return undefined;
  return { scheme: parts[0] as string, credential: parts[1] as string };
}

export function authenticate(header: string | undefined, world: World): AuthResult {
  const parts = splitAuthorization(header);
  const scheme = parts?.scheme.toLowerCase();
  const credential = parts?.credential ?? "";
  const isPat = scheme === "token" || (scheme === "bearer" && credential.startsWith("nbp_"));
  if (!parts || !isPat) {
    return scheme === "bearer"
      ? { ok: false, status: 401, message: "token invalid" }
      : { ok: false, status: 401, message: "no valid authentication provided" };
  }
  if (patFormatProblem(credential) !== undefined) {
    return { ok: false, status: 401, message: "token invalid" };
  }
  const role = ROLE_BY_TOKEN.get(credential);
  if (role === undefined) {
    return { ok: false, status: 404, message: `invalid token: pat: ${sha256Hex(credential)} not found` };
  }
  return { ok: true, role, user: world.personas[role], token: credential };
}

/** The permission check every handler runs first: blocked and pending users get nothing. */
export function validateUser(user: SimUser): ApiError | undefined {
  if (user.isBlocked) {
    return { status: 403, message: "failed to validate user permissions: user is blocked" };
  }
  if (user.pendingApproval) {
    return { status: 403, message: "failed to validate user permissions: user is pending approval" };
  }
  return undefined;
}

/** Events read: owner, admin, auditor, network_admin, and service users of any role. */
export function canReadEvents(user: SimUser): boolean {
  return user.isServiceUser || ["owner", "admin", "auditor", "network_admin"].includes(user.role);
}
