import type { NetBirdClient, RequestOptions } from "../api/client";
import { CancelledError } from "../api/errors";
import type { TrafficEvent, TrafficPage, TrafficQuery } from "../api/models";
import { trafficSearchParams } from "../api/trafficQuery";

export interface LoadedPage {
  readonly key: string;
  readonly page: TrafficPage;
  readonly fetchedAt: number;
}

const CACHE_TTL_MS = 60_000;
/** Pages kept for instant paging back and forth and for row actions, bounded by their record count. */
const CACHE_MAX_RECORDS = 120_000;

/**
 * Loads traffic pages for the panel: the latest load wins (starting a load cancels the one before, so a
 * stale page is never returned), recent pages are cached for a minute, and the next page is prefetched.
 */
export class TrafficPageLoader {
  private active: AbortController | undefined;
  private prefetching: { key: string; controller: AbortController; promise: Promise<LoadedPage> } | undefined;
  private readonly cache = new Map<string, LoadedPage>();

  constructor(
    private readonly client: () => NetBirdClient,
    private readonly auth: (signal: AbortSignal) => Promise<RequestOptions | undefined>,
    private readonly now: () => number = Date.now,
  ) {}

  static keyOf(query: TrafficQuery): string {
    return trafficSearchParams(query).toString();
  }

  /** The records of a page loaded earlier, for row actions. */
  records(key: string): readonly TrafficEvent[] | undefined {
    return this.cache.get(key)?.page.data;
  }

  /** Loads a page, superseding any load in progress. Throws CancelledError when superseded or cancelled. */
  async load(query: TrafficQuery): Promise<LoadedPage> {
    this.cancel();
    const controller = new AbortController();
    this.active = controller;
    const key = TrafficPageLoader.keyOf(query);
    try {
      const cached = this.cache.get(key);
      if (cached && this.now() - cached.fetchedAt < CACHE_TTL_MS) return cached;
      const loaded =
        this.prefetching?.key === key ? await this.joinPrefetch(controller.signal) : await this.fetch(query, key, controller.signal);
      if (controller.signal.aborted) throw new CancelledError();
      return loaded;
    } finally {
      if (this.active === controller) this.active = undefined;
    }
  }

  /** Starts loading the page after `loaded` in the background (if there is one). */
  prefetchNext(query: TrafficQuery, loaded: LoadedPage): void {
    const page = query.page ?? 1;
    if (page >= loaded.page.total_pages) return;
    const next = { ...query, page: page + 1 };
    const key = TrafficPageLoader.keyOf(next);
    if (this.cache.has(key) || this.prefetching?.key === key) return;
    this.prefetching?.controller.abort();
    const controller = new AbortController();
    const promise = this.fetch(next, key, controller.signal);
    this.prefetching = { key, controller, promise };
    promise
      .catch(() => undefined)
      .finally(() => {
        if (this.prefetching?.promise === promise) this.prefetching = undefined;
      });
  }

  /** Cancels the load in progress (not the prefetch). */
  cancel(): void {
    this.active?.abort();
    this.active = undefined;
  }

  /** Cancels everything and forgets all pages (sign-out, panel closed). */
  reset(): void {
    this.cancel();
    this.prefetching?.controller.abort();
    this.prefetching = undefined;
    this.cache.clear();
  }

  private async joinPrefetch(signal: AbortSignal): Promise<LoadedPage> {
    const pending = this.prefetching;
    if (!pending) throw new CancelledError();
    return new Promise<LoadedPage>((resolve, reject) => {
      const onAbort = () => reject(new CancelledError());
      signal.addEventListener("abort", onAbort, { once: true });
      pending.promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  }

  private async fetch(query: TrafficQuery, key: string, signal: AbortSignal): Promise<LoadedPage> {
    const options = await this.auth(signal);
    if (!options) throw new CancelledError();
    const page = await this.client().listTrafficEvents(query, options);
    const loaded = { key, page, fetchedAt: this.now() };
    this.remember(loaded);
    return loaded;
  }

  private remember(loaded: LoadedPage): void {
    this.cache.delete(loaded.key);
    this.cache.set(loaded.key, loaded);
    let total = 0;
    for (const entry of this.cache.values()) total += entry.page.data.length;
    for (const [key, entry] of this.cache) {
      if (total <= CACHE_MAX_RECORDS || key === loaded.key) break;
      this.cache.delete(key);
      total -= entry.page.data.length;
    }
  }
}
