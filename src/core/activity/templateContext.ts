/** What a sentence template can read from an audit event, already cleaned for display. */

import type { AuditEvent } from "../api/models";
import { formatGoList, metaText, parseGoBool, parseGoList, rawMetaValue } from "./goValues";
import { cleanText } from "./sanitizeText";

export interface TemplateContext {
  readonly event: AuditEvent;
  /** The event's activity code (lower-cased, trimmed). */
  readonly code: string;
  /** A meta value for display, or undefined when missing/empty/"<nil>". */
  text(...keys: string[]): string | undefined;
  /** A meta boolean: true only for "true", false only for "false", else undefined. */
  flag(key: string): boolean | undefined;
  /** Items of a Go list meta value ("[a b]"). */
  list(key: string): readonly string[];
  /** A Go list meta value joined for display ("a, b"), or undefined when empty. */
  listText(key: string): string | undefined;
  /** The peer the event is about: `name`, else `fqdn`, else `ip` (else the target IP for peer-IP targets). */
  peer(): string | undefined;
  /** The user the event is about: read-time `email`, else `username`. */
  user(): string | undefined;
  /** The initiator's name, else email (cleaned), or undefined. */
  initiator(): string | undefined;
  /** True when the event's target is its initiator (a user acting on themselves). */
  selfTargeted(): boolean;
}

/** A hand-written sentence for one activity code. Must return a sentence even when all meta is missing. */
export type SentenceTemplate = (c: TemplateContext) => string;

/** Codes whose `target_id` is the peer's NetBird IP (notes §8.3), so it is a readable fallback. */
const PEER_IP_TARGET_PREFIXES = ["peer.ssh.", "peer.login.expiration.", "peer.inactivity.expiration."];

function safeField(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function createTemplateContext(event: AuditEvent, code: string): TemplateContext {
  const meta: unknown = (event as { meta?: unknown }).meta;
  const text = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = metaText(meta, key);
      if (value !== undefined) {
        return value;
      }
    }
    return undefined;
  };
  return {
    event,
    code,
    text,
    flag: (key) => parseGoBool(rawMetaValue(meta, key)),
    list: (key) => parseGoList(rawMetaValue(meta, key)),
    listText: (key) => formatGoList(rawMetaValue(meta, key)) || undefined,
    peer: () => {
      const fromMeta = text("name", "fqdn", "ip");
      if (fromMeta !== undefined) {
        return fromMeta;
      }
      if (PEER_IP_TARGET_PREFIXES.some((p) => code.startsWith(p))) {
        return cleanText(safeField(event.target_id)) || undefined;
      }
      return undefined;
    },
    user: () => text("email", "username"),
    initiator: () => cleanText(safeField(event.initiator_name)) || cleanText(safeField(event.initiator_email)) || undefined,
    selfTargeted: () => {
      const target = safeField(event.target_id);
      return target !== "" && target === safeField(event.initiator_id);
    },
  };
}
