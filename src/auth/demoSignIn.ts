import type * as vscode from "vscode";
import type { Connection } from "../connection/connection";
import { DEMO_TOKEN_ENV, demoToken } from "../core/auth/demoToken";
import { describeError } from "../core/api/errors";
import type { Log } from "../util/log";
import type { Session } from "./session";

const DONE_KEY = "netbird.demoSignIn";

/**
 * `npm run demo` starts VS Code signed in: with NETBIRD_EVENTS_DEMO_TOKEN set and the management URL on this
 * machine, the first activation signs in with that token (checked and stored like a typed one). The variable
 * leaves this process's environment once read; the token is never logged.
 */
export async function signInForDemo(session: Session, connection: Connection, state: vscode.Memento, log: Log): Promise<void> {
  const env = { [DEMO_TOKEN_ENV]: process.env[DEMO_TOKEN_ENV] };
  delete process.env[DEMO_TOKEN_ENV];
  await session.ready();
  const key = `${DONE_KEY}:${connection.managementUrl}`;
  const token = demoToken(env, connection.managementUrl, state.get<boolean>(key) === true);
  if (!token || session.state === "signedIn") return;
  try {
    const user = await session.signIn(token);
    await state.update(key, true);
    log.info(`[auth] demo: signed in to ${connection.managementUrl} as ${user.email || user.name || user.id}`);
  } catch (error) {
    log.warn(`[auth] demo: could not sign in to ${connection.managementUrl}: ${describeError(error)}`);
  }
}
