import * as vscode from "vscode";
import type { Session } from "../auth/session";
import type { Connection } from "../connection/connection";
import { ApiError, isCancelled, toApiError } from "../core/api/errors";
import { AUDIT_EVENTS_CAP, type AuditEvent, type AuditEventList } from "../core/api/models";
import { countNewerThan, newestFirst, NO_EVENTS, sameEvents } from "../core/audit/auditList";
import { filterEvents, isFilterActive, sanitizeFilter, type AuditFilter } from "../core/audit/auditFilter";
import { DAY_PAGE_SIZE } from "../core/audit/dayGroups";
import { withDelayedViewProgress } from "../util/delayedProgress";
import type { Log } from "../util/log";

/** What the Audit Events view shows when it has no rows; drives its welcome content (context key netbird.audit.state). */
export type AuditViewState = "signedOut" | "loading" | "ready" | "empty" | "unreachable" | "forbidden" | "error";

const FILTER_KEY = "netbird.audit.filter";
const LAST_SEEN_KEY = "netbird.audit.lastSeen";

/**
 * Loads and holds the account's audit events (all the API returns, newest first), the active filter, the
 * last error, and the count of events not seen yet. Loads are single-flight: a refresh while one runs
 * joins it, so requests never overlap. The last good list stays when a refresh fails (marked stale).
 */
export class AuditEventsController implements vscode.Disposable {
  private all: AuditEventList = NO_EVENTS;
  private visible: AuditEventList = NO_EVENTS;
  /** Events by id, built on the first lookup after a load (a refresh does not pay for it). */
  private byId: Map<string, AuditEvent> | undefined;
  private current: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private filterValue: AuditFilter;
  private stateValue: AuditViewState = "signedOut";
  private errorValue: ApiError | undefined;
  private loadedAtValue: number | undefined;
  private loadedFor: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** How many events each day lists in the tree, by day key, once the user asked for more than a page. */
  private readonly dayLimits = new Map<string, number>();
  private readonly dayLimitChanged = new vscode.EventEmitter<string>();
  /** A day (its key) now lists more events. */
  readonly onDidShowMore = this.dayLimitChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly session: Session,
    private readonly connection: Connection,
    private readonly state: vscode.Memento,
    private readonly log: Log,
  ) {
    this.filterValue = sanitizeFilter(state.get(FILTER_KEY));
    let generation = session.generation;
    this.subscriptions.push(
      this.changed,
      session.onDidChange(() => {
        const sameSession = session.generation === generation;
        generation = session.generation;
        if (session.state === "signedOut") {
          this.clear("signedOut");
        } else if (!sameSession) {
          // A different token or server: drop a load in flight, then load afresh.
          this.cancel();
          this.dayLimits.clear();
          void (this.current ?? Promise.resolve()).then(() => this.refresh());
        }
      }),
    );
  }

  /** The events the filter lets through, newest first. */
  get events(): readonly AuditEvent[] {
    return this.visible.events;
  }
  /** The same, with each event's time (for the day groups). */
  get timedEvents(): AuditEventList {
    return this.visible;
  }
  /** Every loaded event, ignoring the filter. */
  get allEvents(): readonly AuditEvent[] {
    return this.all.events;
  }
  get totalCount(): number {
    return this.all.events.length;
  }
  get viewState(): AuditViewState {
    return this.stateValue;
  }
  get lastError(): ApiError | undefined {
    return this.errorValue;
  }
  /** When the shown list was loaded (ms), undefined before the first load. */
  get loadedAt(): number | undefined {
    return this.loadedAtValue;
  }
  /** True when the last refresh failed and the list shown is older. */
  get stale(): boolean {
    return this.errorValue !== undefined && this.all.events.length > 0;
  }
  get filter(): AuditFilter {
    return this.filterValue;
  }
  get isLoading(): boolean {
    return this.current !== undefined;
  }

  event(id: string): AuditEvent | undefined {
    this.byId ??= new Map(this.all.events.map((e) => [e.id, e]));
    return this.byId.get(id);
  }

  /** Events newer than the newest one the user has seen. */
  get unseenCount(): number {
    return countNewerThan(this.all.events, this.state.get<string>(this.lastSeenKey()));
  }

  /** Marks everything loaded as seen (clears the badge). */
  markSeen(): void {
    const newest = this.all.events[0]?.id;
    if (newest && this.state.get(this.lastSeenKey()) !== newest) {
      void this.state.update(this.lastSeenKey(), newest);
      this.changed.fire();
    }
  }

  /** How many events the day with this key lists in the tree. */
  dayLimit(key: string): number {
    return this.dayLimits.get(key) ?? DAY_PAGE_SIZE;
  }

  /** Lists the next page of a day's events. */
  showMore(key: string): void {
    this.dayLimits.set(key, this.dayLimit(key) + DAY_PAGE_SIZE);
    this.dayLimitChanged.fire(key);
  }

  async setFilter(filter: AuditFilter): Promise<void> {
    this.filterValue = sanitizeFilter(filter);
    await this.state.update(FILTER_KEY, isFilterActive(this.filterValue) ? this.filterValue : undefined);
    this.applyFilter();
    this.changed.fire();
  }

  /** Loads the events; joins a load already running instead of starting another request. */
  refresh(): Promise<void> {
    this.current ??= this.load().finally(() => {
      this.current = undefined;
      this.changed.fire();
    });
    return this.current;
  }

  /** Cancels a running load (e.g. on sign-out). */
  cancel(): void {
    this.abort?.abort();
  }

  private async load(): Promise<void> {
    const controller = new AbortController();
    this.abort = controller;
    const options = await this.session.requestOptions(controller.signal);
    if (!options) {
      this.clear("signedOut");
      return;
    }
    if (this.all.events.length === 0) this.stateValue = "loading";
    this.changed.fire();
    const server = this.connection.serverKey;
    try {
      const client = this.connection.getClient();
      void this.session.loadCurrentUser(client);
      const listed = await withDelayedViewProgress("netbird.auditEvents", client.listAuditEvents(options));
      if (controller.signal.aborted || this.connection.serverKey !== server) return;
      // The API returns at most the newest 10,000; a server (or proxy) sending more must not grow the tree without bound.
      this.setEvents(newestFirst(listed, AUDIT_EVENTS_CAP), server);
      this.errorValue = undefined;
      this.loadedAtValue = Date.now();
      this.stateValue = this.all.events.length ? "ready" : "empty";
      this.log.info(`[audit] loaded ${listed.events.length} events${listed.events.length > AUDIT_EVENTS_CAP ? ` (kept the newest ${AUDIT_EVENTS_CAP})` : ""}`);
    } catch (error) {
      if (isCancelled(error) || controller.signal.aborted) return;
      const apiError = toApiError(error);
      this.log.warn(`[audit] refresh failed: ${apiError.logText}`);
      if (apiError.isAuthError) {
        await this.session.handleRejectedToken(apiError);
        return;
      }
      this.errorValue = apiError;
      if (this.all.events.length === 0 || this.loadedFor !== server) {
        this.setEvents(NO_EVENTS, server);
        this.stateValue = apiError.kind === "forbidden" ? "forbidden" : apiError.kind === "network" || apiError.kind === "timeout" || apiError.kind === "tls" || apiError.kind === "proxy" ? "unreachable" : "error";
      }
    } finally {
      if (this.abort === controller) this.abort = undefined;
    }
  }

  private setEvents(list: AuditEventList, server: string): void {
    const { events } = list;
    const firstLoad = this.loadedFor !== server || this.state.get(this.lastSeenKey()) === undefined;
    // A refresh that brings exactly the events already loaded (an auto-refresh with nothing new) keeps the
    // loaded list, so the tree sees no change and is not rebuilt (VS Code keeps a little memory for every
    // tree item it ever built, until the view closes).
    if (server !== this.loadedFor || !sameEvents(this.all.events, events)) {
      this.all = list;
      this.byId = undefined;
    }
    this.loadedFor = server;
    this.applyFilter();
    // On the very first load for a server, everything counts as seen.
    if (firstLoad && events[0] && this.state.get(this.lastSeenKey()) === undefined) void this.state.update(this.lastSeenKey(), events[0].id);
  }

  private applyFilter(): void {
    const next = isFilterActive(this.filterValue) ? filterEvents(this.all, this.filterValue, Date.now()) : this.all;
    // The same events as shown keep the shown list, so the tree sees no change (also with a filter on).
    if (!sameEvents(this.visible.events, next.events)) this.visible = next;
  }

  private clear(state: AuditViewState): void {
    this.cancel();
    this.all = NO_EVENTS;
    this.visible = NO_EVENTS;
    this.byId = undefined;
    this.dayLimits.clear();
    this.errorValue = undefined;
    this.loadedAtValue = undefined;
    this.loadedFor = undefined;
    this.stateValue = state;
    this.changed.fire();
  }

  private lastSeenKey(): string {
    return `${LAST_SEEN_KEY}:${this.connection.serverKey}`;
  }

  dispose(): void {
    this.cancel();
    for (const s of this.subscriptions) s.dispose();
    this.dayLimitChanged.dispose();
  }
}
