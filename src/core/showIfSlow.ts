/**
 * Hands `work` to `show` once it has run for `delayMs` without settling, and never when it settles sooner (e.g. a
 * progress bar that a quick request would only flash). Returns a promise that settles as `work` does; what
 * `show` returns is not awaited, and it must not outlive `work`.
 */
export function showIfSlow<T>(work: Promise<T>, delayMs: number, show: (running: Promise<T>) => unknown): Promise<T> {
  const timer = setTimeout(() => show(work), delayMs);
  return work.finally(() => clearTimeout(timer));
}
