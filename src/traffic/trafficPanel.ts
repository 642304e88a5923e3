import * as vscode from "vscode";
import type { Session } from "../auth/session";
import type { Connection } from "../connection/connection";
import { isCancelled, toApiError } from "../core/api/errors";
import { DEFAULT_MANAGEMENT_URL } from "../core/api/managementUrl";
import type { TrafficEvent } from "../core/api/models";
import { shortHash } from "../core/documents/eventUri";
import { FIRST_PART_ROWS, SPLIT_PAGES_OVER, fromWire, parseWebviewMessage, type HostToWebviewWire, type PanelProblem } from "../core/traffic/protocol";
import { filtersEqual, sanitizeFilters, validateFilters, type TrafficFilters } from "../core/traffic/trafficFilters";
import { TrafficPageLoader } from "../core/traffic/trafficPageLoader";
import { packRows } from "../core/traffic/packedRows";
import { serviceLabel, suggestionsOf } from "../core/traffic/trafficRows";
import type { EventDocuments } from "../documents/eventDocuments";
import type { Log } from "../util/log";
import { trafficHtml, webviewRoot } from "./trafficHtml";
import { CLOUD_TRAFFIC_SETTINGS_URL, LOGGING_DISABLED_MESSAGE, problemOf } from "./trafficProblems";

export const TRAFFIC_VIEW_TYPE = "netbird.trafficEvents";

export interface TrafficPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly session: Session;
  readonly connection: Connection;
  readonly documents: EventDocuments;
  readonly log: Log;
}

/**
 * The Traffic Events webview panel (one at a time). The host makes every API call: the webview sends typed
 * queries, the host validates them, cancels superseded loads, and answers with display rows. The token
 * never reaches the webview, its HTML or its state.
 */
export class TrafficPanel implements vscode.Disposable {
  private static current: TrafficPanel | undefined;
  private static readonly messageTap = new vscode.EventEmitter<{ readonly direction: "toWebview" | "fromWebview"; readonly message: unknown }>();
  /** Every message between host and webview (for the extension's own leak and race tests). */
  static readonly onDidExchangeMessage = TrafficPanel.messageTap.event;
  private readonly loader: TrafficPageLoader;
  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;
  private pendingFilters: TrafficFilters | undefined;
  private latestRequest = -1;
  private shownKey: string | undefined;
  /** The page and resolved time window of the latest query, whose filters are lastFilters (a page turn keeps the window). */
  private window: { page: number; start_date?: string; end_date?: string } | undefined;
  private sessionGeneration: number;
  /** The filters of the latest valid query (what Export uses from the palette). */
  lastFilters: TrafficFilters | undefined;

  /** Opens the panel, or reveals it; `filters` (a pivot) replace the panel's filters. */
  static show(deps: TrafficPanelDeps, filters?: TrafficFilters): TrafficPanel {
    const existing = TrafficPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      if (filters) existing.applyFilters(filters);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TRAFFIC_VIEW_TYPE, "Traffic Events", vscode.ViewColumn.Active, TrafficPanel.options(deps.extensionUri));
    return new TrafficPanel(panel, deps, filters);
  }

  /** Restores the panel after a window reload (the webview restores its own filters, page and scroll). */
  static revive(panel: vscode.WebviewPanel, deps: TrafficPanelDeps): TrafficPanel {
    panel.webview.options = TrafficPanel.options(deps.extensionUri);
    return new TrafficPanel(panel, deps, undefined);
  }

  static get instance(): TrafficPanel | undefined {
    return TrafficPanel.current;
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // No retainContextWhenHidden: the webview keeps its state with setState and restores it when shown again.
    return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)], enableFindWidget: true };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: TrafficPanelDeps,
    filters: TrafficFilters | undefined,
  ) {
    TrafficPanel.current = this;
    this.pendingFilters = filters;
    this.sessionGeneration = deps.session.generation;
    this.loader = new TrafficPageLoader(
      () => deps.connection.getClient(),
      (signal) => deps.session.requestOptions(signal),
    );
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, "media", "traffic.svg");
    panel.webview.html = trafficHtml(panel.webview, deps.extensionUri);
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; it will send `ready` again when shown.
        if (!panel.visible) this.ready = false;
      }),
      deps.session.onDidChange(() => {
        // Only the signed-in user's details arrived: same token, same server, nothing to reload.
        if (deps.session.generation === this.sessionGeneration) return;
        this.sessionGeneration = deps.session.generation;
        this.loader.reset();
        void this.post({ type: "session", signedIn: deps.session.state === "signedIn", server: deps.connection.managementUrl });
      }),
    );
  }

  applyFilters(filters: TrafficFilters): void {
    if (this.ready) void this.post({ type: "applyFilters", filters });
    else this.pendingFilters = filters;
  }

  private async post(message: HostToWebviewWire): Promise<void> {
    if (!this.ready) return;
    // The tap sees the message the webview handles (a page's rows are only decoded when read).
    TrafficPanel.messageTap.fire({ direction: "toWebview", message: fromWire(message) });
    await this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    TrafficPanel.messageTap.fire({ direction: "fromWebview", message: raw });
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn("[traffic] ignored a malformed message from the webview");
      return;
    }
    switch (message.type) {
      case "ready":
        this.ready = true;
        await this.post({
          type: "init",
          signedIn: this.deps.session.state === "signedIn",
          server: this.deps.connection.managementUrl,
          ...(this.pendingFilters ? { applyFilters: this.pendingFilters } : {}),
        });
        this.pendingFilters = undefined;
        return;
      case "query":
        return this.query(message.requestId, sanitizeFilters(message.filters), message.page);
      case "cancel":
        if (message.requestId === this.latestRequest) this.loader.cancel();
        return;
      case "openJson":
        return this.openJson(message.pageKey, message.index);
      case "copyText":
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage("Copied to the clipboard", 3000);
        return;
      case "export":
        await vscode.commands.executeCommand("netbird.traffic.export", sanitizeFilters(message.filters));
        return;
      case "signIn":
        await vscode.commands.executeCommand("netbird.signIn");
        return;
      case "openTrafficSettings":
        if (this.deps.connection.managementUrl === DEFAULT_MANAGEMENT_URL) {
          await vscode.env.openExternal(vscode.Uri.parse(CLOUD_TRAFFIC_SETTINGS_URL));
        } else {
          void vscode.window.showInformationMessage(
            "NetBird: open your NetBird dashboard and turn on traffic events under Settings → Networks → Traffic events (owners and admins can).",
          );
        }
        return;
    }
  }

  private async query(requestId: number, filters: TrafficFilters, page: number): Promise<void> {
    this.latestRequest = requestId;
    const fail = (problem: PanelProblem, message: string, fieldErrors?: Record<string, string>) =>
      this.post({ type: "error", requestId, problem, message, ...(fieldErrors ? { fieldErrors } : {}) });
    if (this.deps.session.state !== "signedIn") {
      this.loader.cancel();
      return fail("signedOut", "Sign in to NetBird to browse traffic events.");
    }
    const validated = validateFilters(filters, Date.now());
    if (!validated.query) {
      this.loader.cancel();
      return fail("invalidRequest", "Fix the highlighted filters.", validated.errors);
    }
    const previous = this.window;
    const sameFilters = this.lastFilters !== undefined && filtersEqual(filters, this.lastFilters);
    this.lastFilters = filters;
    let query = { ...validated.query, page };
    if (previous && page !== previous.page && sameFilters) {
      // A page turn keeps the time window of the page before it: relative times ("last 24 hours") are not
      // resolved again, so rows do not shift between pages as time passes and the prefetched page is used
      // instead of being fetched a second time. Any other query (a filter change, Refresh) resolves anew.
      query = { ...query, start_date: previous.start_date, end_date: previous.end_date };
    }
    this.window = { page, start_date: query.start_date, end_date: query.end_date };
    try {
      const loaded = await this.loader.load(query);
      if (requestId !== this.latestRequest) return;
      const data = loaded.page.data;
      this.shownKey = loaded.key;
      if (data.length === 0 && (await this.loggingDisabled())) {
        if (requestId !== this.latestRequest) return;
        return fail("loggingDisabled", LOGGING_DISABLED_MESSAGE);
      }
      // Asking the account's settings takes a request: a newer query may have arrived meanwhile.
      if (requestId !== this.latestRequest) return;
      // A big page goes in two parts: its first screen is painted while the rest is packed and moved.
      const first = data.length > SPLIT_PAGES_OVER ? data.slice(0, FIRST_PART_ROWS) : data;
      await this.post({
        type: "page",
        requestId,
        result: {
          pageKey: loaded.key,
          packedRows: packRows(first),
          rowCount: data.length,
          page: loaded.page.page,
          pageSize: loaded.page.page_size,
          totalRecords: loaded.page.total_records,
          totalPages: loaded.page.total_pages,
          // A split page's suggestions come with its rest: going through 50,000 rows would delay the first part.
          suggestions: suggestionsOf(first),
          fetchedAt: loaded.fetchedAt,
        },
      });
      if (first.length < data.length && requestId === this.latestRequest) {
        await this.post({
          type: "pageRows",
          requestId,
          pageKey: loaded.key,
          start: first.length,
          packedRows: packRows(data.slice(first.length)),
          suggestions: suggestionsOf(data),
        });
      }
      // Only for the query still shown: a superseded one must not take the newer page's prefetch.
      if (requestId === this.latestRequest) this.loader.prefetchNext(query, loaded);
    } catch (error) {
      if (isCancelled(error) || requestId !== this.latestRequest) return;
      const apiError = toApiError(error);
      this.deps.log.warn(`[traffic] query failed: ${apiError.logText}`);
      if (apiError.isAuthError) void this.deps.session.handleRejectedToken(apiError);
      return fail(problemOf(apiError), apiError.message);
    }
  }

  /**
   * Whether the account has traffic logging switched off. Asked only when a page comes back empty (one
   * small request), so an admin turning logging on or off is noticed on the next refresh.
   */
  private async loggingDisabled(): Promise<boolean> {
    try {
      const options = await this.deps.session.requestOptions();
      const settings = options ? await this.deps.connection.getClient().getTrafficLoggingSettings(options) : undefined;
      return settings?.trafficLogsEnabled === false;
    } catch (error) {
      this.deps.log.debug(`[traffic] could not read the account's traffic settings: ${String(error)}`);
      return false;
    }
  }

  /** The record behind a table row (for the native row context menu). */
  record(pageKey: string, index: number): TrafficEvent | undefined {
    return this.loader.records(pageKey)?.[index];
  }

  async openJson(pageKey: string, index: number): Promise<void> {
    const event = this.loader.records(pageKey)?.[index];
    if (!event) {
      void vscode.window.showWarningMessage("NetBird: that traffic event is no longer loaded. Refresh the panel and try again.");
      return;
    }
    await openTrafficJson(this.deps.documents, event);
  }

  /** The records of the page shown now (for the palette's Open Event JSON pick). */
  shownRecords(): readonly TrafficEvent[] {
    return this.shownKey ? (this.loader.records(this.shownKey) ?? []) : [];
  }

  dispose(): void {
    this.ready = false;
    if (TrafficPanel.current === this) TrafficPanel.current = undefined;
    this.loader.reset();
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}

/** Opens a traffic record's exact JSON in a read-only tab (the same record always gets the same tab). */
export function openTrafficJson(documents: EventDocuments, event: TrafficEvent): Thenable<vscode.TextEditor> {
  const key = `${event.flow_id.slice(0, 36)}-${shortHash(JSON.stringify(event))}`;
  const title = `traffic-${event.flow_id.slice(0, 8)} ${serviceLabel(event)}`;
  return documents.show(documents.trafficUri(event, key, title));
}
