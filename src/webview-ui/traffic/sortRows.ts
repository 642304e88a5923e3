/**
 * Sorting the rows of the current page by a column (pure, no DOM). The server pages by time; a click on a
 * column header re-orders only the page already loaded.
 *
 * Rules: missing values (unknown time, no user, no policy…) always sort last, in both directions; equal
 * values keep the page's order (stable in both directions). Strings compare with a numeric, case-insensitive
 * collator. For speed with 50,000 rows, distinct strings are ranked once and the rows are sorted by rank.
 */
import type { EndpointCell, TrafficRow } from "../../core/traffic/trafficRows";

export const SORT_COLUMNS = [
  "time",
  "direction",
  "source",
  "destination",
  "service",
  "type",
  "traffic",
  "user",
  "policy",
  "connection",
] as const;

export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface SortSpec {
  readonly column: SortColumn;
  readonly descending: boolean;
}

export function isSortColumn(value: unknown): value is SortColumn {
  return typeof value === "string" && (SORT_COLUMNS as readonly string[]).includes(value);
}

/** A header click: a new column sorts ascending (time: newest first); the same column flips direction. */
export function nextSort(current: SortSpec | undefined, column: SortColumn): SortSpec {
  if (current?.column === column) return { column, descending: !current.descending };
  return { column, descending: column === "time" };
}

type Key = readonly (number | string)[] | undefined;

const STATUS_RANK: Readonly<Record<TrafficRow["status"], number>> = { unknown: 0, start: 1, end: 2, drop: 3 };

const num = (value: number) => (Number.isFinite(value) ? value : undefined);
const str = (value: string) => (value ? value : undefined);

function endpointKey(cell: EndpointCell): Key {
  const name = cell.name || cell.id;
  if (!name && !cell.address) return undefined;
  return [name, cell.address];
}

/** The sort key of a row for a column: a tuple compared left to right, or undefined when missing. */
const KEYS: Readonly<Record<SortColumn, (row: TrafficRow) => Key>> = {
  time: (r) => (num(r.time) === undefined ? undefined : [r.time]),
  direction: (r) => (str(r.direction) === undefined ? undefined : [r.direction]),
  source: (r) => endpointKey(r.source),
  destination: (r) => endpointKey(r.destination),
  service: (r) => (str(r.service) === undefined ? undefined : [r.service]),
  type: (r) => [STATUS_RANK[r.status] ?? 0, num(r.drops) ?? 0, num(r.ends) ?? 0, num(r.starts) ?? 0],
  traffic: (r) => {
    const bytes = (num(r.rxBytes) ?? 0) + (num(r.txBytes) ?? 0);
    const packets = (num(r.rxPackets) ?? 0) + (num(r.txPackets) ?? 0);
    return num(r.rxBytes) === undefined && num(r.txBytes) === undefined ? undefined : [bytes, packets];
  },
  user: (r) => (str(r.user || r.userId) === undefined ? undefined : [r.user || r.userId]),
  policy: (r) => (str(r.policy || r.policyId) === undefined ? undefined : [r.policy || r.policyId]),
  connection: (r) => (str(r.connection) === undefined ? undefined : [r.connection]),
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Maps every distinct string to its collation rank (equal strings under the collator share a rank). */
function rankStrings(keys: readonly Key[]): Map<string, number> {
  const distinct = new Set<string>();
  for (const key of keys) if (key) for (const part of key) if (typeof part === "string") distinct.add(part);
  const sorted = [...distinct].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && collator.compare(sorted[i - 1], sorted[i]) !== 0) rank++;
    ranks.set(sorted[i], rank);
  }
  return ranks;
}

/** A new array of the rows in sort order (the input is not changed). Without a sort, the rows as given. */
export function sortRows(rows: readonly TrafficRow[], sort: SortSpec | undefined): readonly TrafficRow[] {
  if (!sort || !isSortColumn(sort.column) || rows.length < 2) return rows;
  const keyOf = KEYS[sort.column];
  const keys = rows.map(keyOf);
  const ranks = rankStrings(keys);
  const numeric: (number[] | undefined)[] = keys.map((key) => key?.map((part) => (typeof part === "string" ? (ranks.get(part) ?? 0) : part)));
  const direction = sort.descending ? -1 : 1;
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const ka = numeric[a];
    const kb = numeric[b];
    if (!ka || !kb) return ka ? -1 : kb ? 1 : a - b;
    for (let i = 0; i < ka.length; i++) {
      const diff = ka[i] - kb[i];
      if (diff !== 0) return diff < 0 ? -direction : direction;
    }
    return a - b;
  });
  return order.map((i) => rows[i]);
}
