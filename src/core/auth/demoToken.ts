import { isLoopbackHost } from "../api/managementUrl";

/** The environment variable `npm run demo` sets for the VS Code it starts: a token of the local NetBird simulator. */
export const DEMO_TOKEN_ENV = "NETBIRD_EVENTS_DEMO_TOKEN";

/**
 * The token to sign in with for the demo, or undefined: only when the variable holds something shaped like a
 * NetBird token, the management URL is on this machine (the demo's simulator; never a real server) and the
 * demo has not signed in to this URL before (signing out stays signed out, also after a reload).
 */
export function demoToken(env: Readonly<Record<string, string | undefined>>, managementUrl: string, signedInBefore: boolean): string | undefined {
  const token = env[DEMO_TOKEN_ENV]?.trim();
  if (!token || signedInBefore || !/^nbp_[A-Za-z0-9]{36}$/.test(token)) return undefined;
  let host: string;
  try {
    host = new URL(managementUrl).hostname;
  } catch {
    return undefined;
  }
  return isLoopbackHost(host) ? token : undefined;
}
