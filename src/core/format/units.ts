/** Human units for byte and packet counters. */

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 1536 → "1.5 KB" (base 1024, one decimal under 10, none above). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/**
 * 50000 → "50,000" (rounded, en-US grouping). Written out rather than toLocaleString("en-US"): the first
 * Intl number format of a process loads ICU's number data, about 15 ms, and this runs while the extension
 * activates.
 */
export function formatInteger(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 1234567 → "1.2M", 12345 → "12.3K", 999 → "999". */
export function formatCount(count: number): string {
  if (!Number.isFinite(count) || count < 0) return "–";
  if (count < 1000) return String(Math.round(count));
  if (count < 1_000_000) return `${trim(count / 1000)}K`;
  if (count < 1_000_000_000) return `${trim(count / 1_000_000)}M`;
  return `${trim(count / 1_000_000_000)}G`;
}

function trim(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, "");
}
