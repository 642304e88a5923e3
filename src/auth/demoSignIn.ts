import type * as vscode from "vscode";
import type { Connection } from "../connection/connection";
import { DEMO_TOKEN_ENV, demoToken } from "../core/auth/demoToken";
import { describeError } from "../core/api/errors";
import type { Log } from "../util/log";
import type { Session } from "./session";

/** Set once a demo token was seen: it is used at most once, whatever came of it. */
const SEEN_KEY = "netbird.demoTokenSeen";

/**
 * `npm run demo` starts VS Code signed in: with NETBIRD_EVENTS_DEMO_TOKEN set, the management URL on a loopback
 * address and no proxy in between, the first activation signs in with that token (checked and stored like a
 * typed one). Never again afterwards (signing out stays signed out). The variable leaves this process's
 * environment once read; the token is never logged.
 */
export async function signInForDemo(session: Session, connection: Connection, state: vscode.Memento, log: Log): Promise<void> {
  const env = { [DEMO_TOKEN_ENV]: process.env[DEMO_TOKEN_ENV] };
  if (env[DEMO_TOKEN_ENV] === undefined) return;
  delete process.env[DEMO_TOKEN_ENV];
  await session.ready();
  const token = demoToken(env, connection.managementUrl, state.get<boolean>(SEEN_KEY) === true);
  if (!token) return;
  await state.update(SEEN_KEY, true);
  if (session.state === "signedIn") return;
  try {
    if (connection.getClient().viaProxy) {
      log.warn(`[auth] demo: not signing in to ${connection.managementUrl} through a proxy`);
      return;
    }
    await session.signIn(token);
  } catch (error) {
    log.warn(`[auth] demo: could not sign in to ${connection.managementUrl}: ${describeError(error)}`);
  }
}
