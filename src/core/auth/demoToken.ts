import { isLoopbackAddress } from "../api/managementUrl";
import { patFormatProblem } from "./patFormat";

/** The environment variable `npm run demo` sets for the VS Code it starts: a token of the local NetBird simulator. */
export const DEMO_TOKEN_ENV = "NETBIRD_EVENTS_DEMO_TOKEN";

/**
 * The token to sign in with for the demo, or undefined: only when the variable holds something shaped like a
 * NetBird token, the management URL's host is a loopback address (127.0.0.0/8 or ::1 written out: the demo's
 * simulator; not a name such as `*.localhost`, which DNS could send elsewhere) and no demo token was seen
 * before (signing out stays signed out, also after a reload or a change of URL).
 */
export function demoToken(env: Readonly<Record<string, string | undefined>>, managementUrl: string, seenBefore: boolean): string | undefined {
  const token = env[DEMO_TOKEN_ENV]?.trim();
  if (!token || seenBefore || patFormatProblem(token) !== undefined) return undefined;
  try {
    return isLoopbackAddress(new URL(managementUrl).hostname) ? token : undefined;
  } catch {
    return undefined;
  }
}
