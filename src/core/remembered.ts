/**
 * The value kept in `kept` for `key`, made by `make` on its first use. A map that reaches `limit` entries starts
 * over, so keys from a hostile or long-running source cannot grow it without bound. `make` never returns undefined.
 */
export function remembered<T>(kept: Map<string, T>, key: string, limit: number, make: () => T): T {
  let value = kept.get(key);
  if (value === undefined) {
    if (kept.size >= limit) kept.clear();
    value = make();
    kept.set(key, value);
  }
  return value;
}
