/**
 * URIs of the read-only event JSON documents (scheme `netbird-event`), built and parsed in one place.
 * The last path segment is the tab title and ends in `.json` (JSON language mode):
 *   netbird-event:/audit/<server>/audit-1234 route.add.json
 *   netbird-event:/traffic/<server>/<key>/traffic 6f1c2a3b TCP 10.0.0.1→10.0.0.2.json
 * `<server>` is a short hash of the management URL, so events of two servers never collide.
 * No token or other secret is ever part of a URI.
 */
export const EVENT_SCHEME = "netbird-event";

export type EventDocumentRef =
  | { readonly kind: "audit"; readonly server: string; readonly id: string }
  | { readonly kind: "traffic"; readonly server: string; readonly key: string };

/** Path for an audit event's document. */
export function auditDocumentPath(server: string, id: string, activityCode: string): string {
  return `/audit/${segment(server)}/${segment(`audit-${id} ${activityCode}`)}.json`;
}

/** Path for a traffic event's document; `key` identifies the record (flow ids are not unique). */
export function trafficDocumentPath(server: string, key: string, title: string): string {
  return `/traffic/${segment(server)}/${segment(key)}/${segment(title)}.json`;
}

/** Parses a document path back into what it names; undefined for paths this extension did not make. */
export function parseEventDocumentPath(path: string): EventDocumentRef | undefined {
  const parts = path.split("/");
  if (parts[0] !== "") return undefined;
  if (parts[1] === "audit" && parts.length === 4) {
    const match = /^audit-(\S+) .*\.json$/.exec(parts[3] ?? "");
    if (!match || !parts[2]) return undefined;
    return { kind: "audit", server: parts[2], id: match[1] as string };
  }
  if (parts[1] === "traffic" && parts.length === 5 && parts[2] && parts[3] && (parts[4] ?? "").endsWith(".json")) {
    return { kind: "traffic", server: parts[2], key: parts[3] };
  }
  return undefined;
}

/** Makes text safe as one path segment: no slashes, backslashes, control characters or bidi overrides. */
function segment(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[/\\\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069?#%]/g, "_").trim();
  return clean.length > 120 ? clean.slice(0, 120) : clean || "_";
}

/** A short, stable, non-reversible tag of a text (FNV-1a, 8 hex chars): names documents without the text itself. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The tag of a management URL (plus account) in document paths, so events of two servers never collide. */
export function serverTag(managementUrl: string): string {
  return shortHash(managementUrl);
}
