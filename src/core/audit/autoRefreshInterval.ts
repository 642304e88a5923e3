/** Auto-refresh never runs more often than this (NetBird Cloud allows 120 requests per minute per token). */
export const MIN_AUTO_REFRESH_SECONDS = 30;
/** After failures the interval doubles, up to this. */
export const MAX_AUTO_REFRESH_BACKOFF_MS = 10 * 60 * 1000;

/** The effective interval in ms for a setting value: 0/invalid = off, otherwise at least 30 s. */
export function autoRefreshIntervalMs(seconds: number | undefined): number {
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.max(MIN_AUTO_REFRESH_SECONDS, seconds) * 1000;
}

/** The delay before the next refresh, given the interval and the current backoff factor. */
export function nextRefreshDelayMs(intervalMs: number, backoff: number): number {
  return Math.min(intervalMs * backoff, MAX_AUTO_REFRESH_BACKOFF_MS);
}
