// The promises of "Reliability and security", one row each. Every row is one automated test whose title
// starts with `[ID]` (see `caseTitle`); the suite records each result and scripts/reliabilityTable.ts
// renders the README table from this list and the recorded results. Free of `vscode` (plain Node reads it).

export type ReliabilityArea = "Fault matrix" | "Hostile data" | "Token hygiene" | "Load and races";

export interface ReliabilityCase {
  readonly id: string;
  readonly area: ReliabilityArea;
  /** What goes wrong (or what is tried). */
  readonly case: string;
  /** What the user sees and what the test proves. */
  readonly expect: string;
  /** The test file, relative to the repository. */
  readonly file: string;
  readonly stage: "integration" | "e2e";
}

const FM = "test/integration/reliability/faultMatrix.test.ts";
const NF = "test/integration/reliability/networkFaults.test.ts";
const HD = "test/integration/reliability/hostileData.test.ts";
const TH = "test/integration/reliability/tokenHygiene.test.ts";
const LR = "test/integration/reliability/loadAndRaces.test.ts";
const HE = "test/e2e/hostile.e2e.ts";
const RE = "test/e2e/races.e2e.ts";

const row = (id: string, area: ReliabilityArea, file: string, what: string, expect: string): ReliabilityCase => ({
  id,
  area,
  case: what,
  expect,
  file,
  stage: file.startsWith("test/e2e/") ? "e2e" : "integration",
});

/**
 * "Kept" below means: the last good audit list stays visible (same count), marked stale, with the filter
 * still applied; the next refresh without the fault succeeds (nothing broke). Every fault test also counts
 * the requests (bounded retries) and the notifications (exactly one per user action, none for background work).
 */
export const RELIABILITY_CASES: readonly ReliabilityCase[] = [
  // Fault matrix
  row("F01", "Fault matrix", FM, "401 token invalid", "One “NetBird rejected the access token … Sign in again” notification with **Sign In**; signed out, token deleted; 1 request, no retry"),
  row("F02", "Fault matrix", FM, "404 “invalid token: pat: … not found”", "Same as 401: one notification with **Sign In**, signed out; 1 request"),
  row("F03", "Fault matrix", FM, "403 permission denied (a role that cannot read events)", "“Your NetBird role cannot read events. Ask … for the auditor … role”; kept; 1 request"),
  row("F04", "Fault matrix", FM, "403 user blocked (sign-in)", "“Your NetBird user is blocked. Ask an account owner or admin to unblock it” with **Try Again**; nothing stored"),
  row("F05", "Fault matrix", FM, "403 user pending approval (sign-in)", "“… pending approval. Ask an account owner or admin to approve it”; nothing stored"),
  row("F06", "Fault matrix", FM, "404 traffic route missing (self-hosted open-source server)", "Panel: “Traffic events are not available on this server …”; export: the same, no file; audit view unaffected; 1 request, no notification from the panel"),
  row("F07", "Fault matrix", FM, "400 with a server message (traffic)", "Panel: “NetBird refused the request: ‹server message›. Check the filter values”; filters kept after the panel reloads; 1 request"),
  row("F08", "Fault matrix", FM, "422 with a server message (traffic)", "Panel: the server's message and “Check the filter values”; 1 request"),
  row("F09", "Fault matrix", FM, "429 without Retry-After", "“NetBird's rate limit was reached … Wait a minute, then retry”; kept; exactly 3 attempts"),
  row("F10", "Fault matrix", FM, "429 with Retry-After: 1, then OK", "Waits the asked second, retries once, succeeds; no notification"),
  row("F11", "Fault matrix", FM, "429 with Retry-After: 120", "No retry (longer than 30 s); “… Wait 120 s, then retry”; kept"),
  row("F12", "Fault matrix", FM, "500", "“The NetBird server failed to answer (HTTP 500). Retry in a moment …” with **Retry** (which works); kept; 1 request"),
  row("F13", "Fault matrix", FM, "502", "“… (HTTP 502) …”; kept; exactly 3 attempts"),
  row("F14", "Fault matrix", FM, "503", "“… (HTTP 503) …”; kept; exactly 3 attempts"),
  row("F15", "Fault matrix", FM, "504", "“… (HTTP 504) …”; kept; exactly 3 attempts"),
  row("F16", "Fault matrix", FM, "503 once, then OK", "Retried after a backoff, succeeds; no notification"),
  row("F17", "Fault matrix", NF, "Connection refused (server down)", "“127.0.0.1:‹port› refused the connection. Check that the NetBird management server is running and the URL …”; kept"),
  row("F18", "Fault matrix", NF, "DNS failure (ENOTFOUND; EAI_AGAIN retried) — injected by replacing `dns.lookup` in the extension host: no real DNS query", "“Cannot find the host ‹name› (DNS lookup failed). Check the management URL …, your DNS and VPN”; kept; ENOTFOUND 1 lookup, EAI_AGAIN 3"),
  row("F19", "Fault matrix", NF, "Connect timeout — a loopback TLS port that accepts TCP but never completes the handshake (a dropped SYN needs a non-loopback network)", "“‹host› did not accept a connection within 5 s …” after `netbird.http.timeout` (5 s); kept; 1 attempt"),
  row("F20", "Fault matrix", FM, "Header timeout (server answers after the timeout)", "“‹host› did not answer within 5 s …”; kept; 1 attempt"),
  row("F21", "Fault matrix", FM, "Body stalls halfway", "“‹host› stopped sending its response within 5 s …”; kept"),
  row("F22", "Fault matrix", FM, "Truncated JSON (connection closed mid-body)", "“The connection to ‹host› was closed before the response was complete. Retry; if it keeps happening, check your network and the server”; kept; 3 attempts"),
  row("F23", "Fault matrix", FM, "Non-JSON: a proxy's HTML page with 200", "“… the server sent a web page instead of JSON; a proxy or login page may be in the way …”; kept; 1 request"),
  row("F24", "Fault matrix", FM, "Non-JSON: a proxy's HTML error page with 502", "“The NetBird server failed to answer (HTTP 502) …”; kept; 3 attempts"),
  row("F25", "Fault matrix", FM, "Non-JSON: plain text with 200", "“… the response is not valid JSON …”; kept"),
  row("F26", "Fault matrix", FM, "Schema drift: missing field, wrong type (audit, traffic, current user)", "Names the field (“response[0].timestamp: expected a string, got nothing”); kept; panel shows it; sign-in refuses it"),
  row("F27", "Fault matrix", FM, "Schema drift: extra fields", "Accepted; the JSON document shows the extra fields verbatim"),
  row("F28", "Fault matrix", FM, "50 MB audit response (over 100,000 events)", "Loads without crashing and keeps the API's newest 10,000 with the cap note; memory returns; a later refresh works"),
  row("F29", "Fault matrix", FM, "50 MB traffic page (45,000 records)", "The panel paints the first 500 records at once and gets the rest in a second message: every record shown (virtualized table); requests settle; the next query is answered"),
  row("F30", "Fault matrix", NF, "TLS with an unknown CA, then fixed by `netbird.http.caCertificates`", "“Cannot open a secure connection … not signed by a trusted authority … add its PEM file to netbird.http.caCertificates”; after adding the CA sign-in and refresh work; removing it again: kept"),
  row("F31", "Fault matrix", NF, "A proxy that refuses CONNECT (403)", "“The proxy refused to connect to ‹host› (HTTP 403). Check the proxy settings …”; kept; 1 CONNECT, no retry"),
  row("F32", "Fault matrix", FM, "The server goes away in the middle of an export", "“The export stopped after 5,000 records and the partial file was removed …”; no file; one notification; nothing in flight"),
  row("F33", "Fault matrix", RE, "A traffic error while the user is typing (real workbench)", "The panel shows the error with **Retry**; the typed search text and other filter controls keep their values; Retry loads"),
  // Hostile data
  row("H01", "Hostile data", HD, "Tree labels and descriptions of the `hostile` dataset", "Plain one-line text (no control, bidi or zero-width characters, ≤ 120 characters); the only command is Open Event JSON"),
  row("H02", "Hostile data", HD, "Tree tooltips", "Untrusted MarkdownStrings without HTML; every value escaped: no link, image, HTML tag, command URI or codicon survives"),
  row("H03", "Hostile data", HD, "Raw JSON documents", "Exactly the served event, verbatim (incl. `__proto__`/`constructor` keys, lone surrogates, 100 KB strings)"),
  row("H04", "Hostile data", HD, "CSV export", "RFC 4180 quoting; every cell starting with = + - @ (or tab/CR) prefixed with '; parses back to the records"),
  row("H05", "Hostile data", HD, "NDJSON and JSON export", "Every record exactly as the API sent it"),
  row("H06", "Hostile data", HD, "Traffic webview: HTML, CSP and messages", "No data in the HTML; CSP: `default-src 'none'`, script only by nonce, no inline script, no network; hostile strings travel as message data only"),
  row("H07", "Hostile data", HE, "Traffic webview in the real workbench (canary)", "Hostile strings shown as text; no element created from data (no `img`, `a`, `iframe`, extra `style` or `script`, no `on*` attribute), also after scrolling every row into view and with the row menu open; no request from the page; no CSP violation from data; an injected inline script and image are blocked by the CSP"),
  row("H08", "Hostile data", HE, "Audit tree and tooltip in the real workbench", "Labels shown as text; no link, image or codicon rendered from data"),
  // Token hygiene
  row("T01", "Token hygiene", TH, "Full session at trace log level: sign in, browse, filter, open JSON, panel, export, errors, sign out", "The token is in none of: the NetBird log file, settings.json, globalState/workspaceState, any open document or tab URI, the webview HTML or messages, exported files, any notification"),
  row("T02", "Token hygiene", TH, "`netbird.managementUrl` changed to another host", "Signed out for the new host (Sign In asked again); the other host receives no credential; switching back restores the session"),
  row("T03", "Token hygiene", TH, "The server answers with a redirect (301, 302, 307, 308) to another host", "Not followed: “The server redirected the request to ‹url› … set netbird.managementUrl to the final address”; the other host receives nothing"),
  row("T04", "Token hygiene", TH, "A workspace `.vscode/settings.json` sets `netbird.managementUrl`", "Ignored: requests still go only to the user-configured URL"),
  row("T05", "Token hygiene", TH, "Plain `http://` to a non-loopback host", "Refused before any request or DNS lookup: “Plain http is refused for ‹host› …” with **Open Settings**; `http://localhost` works"),
  // Load and races
  row("L01", "Load and races", LR, "100 traffic filter changes 50 ms apart, the server holding every request until the last change", "Exactly the last filter's rows are shown (same flow IDs as the API returns for it); no answer for a superseded query; superseded requests cancelled (the simulator sees their connections closed); nothing in flight"),
  row("L02", "Load and races", LR, "120 refreshes of a 10,000-event account (an hour of 30 s auto-refresh)", "No growth of the heap (after GC) or of active handles, timers and sockets; the keep-alive connection is reused; one request per refresh; nothing in flight"),
  row("L03", "Load and races", LR, "Closing the traffic panel mid-request", "Request cancelled: nothing in flight, the simulator sees the connection closed, no notification"),
  row("L04", "Load and races", LR, "Signing out mid-request (audit refresh and traffic page)", "Both requests cancelled, nothing in flight, connections closed, no error shown, view signed out"),
  row("L06", "Load and races", LR, "A stored session comes back (window start, switching back to a server) with the traffic panel open", "The audit list and the panel's page are each loaded once; the arrival of the user's name does not cancel and repeat them"),
  row("L05", "Load and races", RE, "100 changes of a traffic filter control (Direction) in the real workbench, the server holding every request until the last change", "The last request is for the last value; the table and record count are that query's; superseded requests cancelled"),
];

const byId = new Map(RELIABILITY_CASES.map((c) => [c.id, c]));

/** The mocha title of a case's test: `[ID] case`. */
export function caseTitle(id: string): string {
  const found = byId.get(id);
  if (!found) throw new Error(`no reliability case ${id}`);
  return `[${id}] ${found.case}`;
}

/** The case ID at the start of a test title, if any. */
export function caseIdOf(title: string): string | undefined {
  return /^\[([A-Z]\d{2})\]/.exec(title)?.[1];
}

export interface CaseResult {
  readonly id: string;
  readonly state: "passed" | "failed";
  readonly durationMs: number;
  readonly error?: string;
}

/** Where the suites write their results (git-ignored), relative to the repository. */
export const RESULTS_DIR = "test-results/reliability";
