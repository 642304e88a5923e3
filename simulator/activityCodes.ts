/** The vendored list of NetBird activity codes (resources/netbird-activity-codes.json). */
import codesJson from "../resources/netbird-activity-codes.json";

export interface ActivityCode {
  readonly code: string;
  /** Null for the cloud-only codes, whose messages are not public. */
  readonly message: string | null;
  readonly meta_keys: readonly string[];
  readonly optional_meta_keys?: readonly string[];
  /** Keys the server adds when it reads an event whose target is a user (`email`, `username`). */
  readonly read_time_meta_keys?: readonly string[];
  /** What `target_id` holds, e.g. `peer_id`, `peer_ip`, `account_id`; null when unknown. */
  readonly target_id: string | null;
  /** Who the initiator is, e.g. `user`, `setup_key_id`, `peer_id`; null when unknown. */
  readonly initiator_id: string | null;
}

export const ACTIVITY_CODES: readonly ActivityCode[] = codesJson as unknown as ActivityCode[];

/** What the server sends for an activity number it does not know, in both `activity` and `activity_code`. */
export const UNKNOWN_ACTIVITY = "UNKNOWN_ACTIVITY";

/** The message for a code: the vendored one, or for cloud-only codes one made from the code. */
export function activityMessage(entry: ActivityCode): string {
  if (entry.message) {
    return entry.message;
  }
  const words = entry.code.replace(/[._-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
