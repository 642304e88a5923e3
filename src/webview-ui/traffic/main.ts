/**
 * Traffic Events webview: the browser side of the panel. It talks to the host only through the messages in
 * core/traffic/protocol.ts (via vscodeApi.ts) and never touches the network or the token.
 *
 * Why plain DOM + CSS on --vscode-* variables and no UI library: the smallest bundle (one small IIFE, no
 * framework runtime to parse on every panel open), the fastest render (a hand-written virtual list that
 * touches only the rows on screen, which matters for 50,000-row pages), and no dependency on the deprecated
 * Webview UI Toolkit (deprecated 2025-01-01) or on a component library's release cycle and theming layer.
 */
import "./traffic.css";
import { localDayKey } from "../../core/format/time";
import { joinRows } from "../../core/traffic/packedRows";
import type { HostToWebview, PageResult } from "../../core/traffic/protocol";
import { EMPTY_FILTERS, filtersEqual, sanitizeFilters, validateFilters, type FilterErrors, type TrafficFilters } from "../../core/traffic/trafficFilters";
import type { TrafficRow } from "../../core/traffic/trafficRows";
import {
  mergeErrors,
  RequestTracker,
  restoreViewState,
  stateOfProblem,
  withFilters,
  withPage,
  type PanelState,
  type ViewState,
} from "./appState";
import { TimeText } from "./cellText";
import { button, el } from "./dom";
import { FiltersBar } from "./filtersBar";
import { pageToRetry, shownText } from "./pageInfo";
import { Pagination } from "./pagination";
import { keepsRowsOnError, panelContent, staleRowsNote, type PanelAction } from "./panelText";
import { ResultsTable } from "./resultsTable";
import { RowActionsMenu, type MenuAction } from "./rowActionsMenu";
import { StatePanel } from "./statePanel";
import { loadViewState, onHostMessage, postToHost, saveViewState } from "./vscodeApi";

const SEARCH_DEBOUNCE_MS = 400;
const SCROLL_SAVE_MS = 300;

const saved = loadViewState();
let view: ViewState = restoreViewState(saved);
/** The saved scroll position is restored once, with the first page after a reload. */
let restoreScrollTop: number | undefined = saved ? view.scrollTop : undefined;
let signedIn: boolean | undefined;
let result: PageResult | undefined;
/** The filters of the request in flight, and of the page shown (`result`). */
let queriedFilters: TrafficFilters = view.filters;
let shownFilters: TrafficFilters = view.filters;
let settled: { state: PanelState; message: string } = { state: "loading", message: "" };
let hostFieldErrors: FilterErrors | undefined;
let pendingScrollTop: number | undefined;
/** The request whose page (`result`) is shown in part while its rest is on its way (`pageRows`). */
let awaitingRestOf: number | undefined;
/** A first part held back until its rest arrives: a sorted or scrolled-down view needs every row. */
let heldBack: { requestId: number; page: PageResult } | undefined;
let note = "";
let debounceTimer: ReturnType<typeof setTimeout> | undefined;
let scrollSaveTimer: ReturnType<typeof setTimeout> | undefined;
/** Where the table was scrolled when the row menu opened (the menu closes when the table scrolls away). */
let menuScrollTop = 0;
const requests = new RequestTracker();
/** Formats the time of the rows kept under an error (made when first needed). */
let clock: TimeText | undefined;

const app = document.getElementById("app") ?? document.body.appendChild(el("div", { attrs: { id: "app" } }));
const menu = new RowActionsMenu(app);

const filtersBar = new FiltersBar(view.filters, {
  onChange: (filters, debounce) => changeFilters(filters, debounce),
  onRefresh: () => runQuery(scrollToKeep()),
  onClear: () => clearFilters(),
  onExport: () => exportFilters(),
});

const cancelButton = button("Cancel", { id: "cancel-button", icon: "close", className: "button secondary" });
cancelButton.addEventListener("click", () => cancelQuery());
const loadingText = el("span", { className: "loading-text", text: "Loading traffic events…" });
const loadingBar = el("div", {
  className: "loading",
  attrs: { id: "loading" },
  children: [
    el("div", {
      className: "progress",
      attrs: { role: "progressbar", "aria-label": "Loading traffic events" },
      children: [el("div", { className: "progress-bit" })],
    }),
    el("div", { className: "loading-row", children: [el("span", { className: "codicon codicon-loading codicon-modifier-spin", attrs: { "aria-hidden": "true" } }), loadingText, cancelButton] }),
  ],
});
const status = el("div", { className: "visually-hidden", attrs: { id: "status", role: "status", "aria-live": "polite" } });
const statePanel = new StatePanel((action) => onPanelAction(action));
const table = new ResultsTable({
  onOpenJson: (row) => openJson(row),
  onActions: (row, anchor) => openRowMenu(row, anchor),
  onSortChange: (sort) => {
    view = { ...view, sort, scrollTop: 0 };
    persist();
  },
  onScroll: (scrollTop) => {
    // A late scroll event from keyboard navigation must not close a menu opened at this position.
    if (Math.abs(scrollTop - menuScrollTop) > 1) menu.close(false);
    // Rows kept under an error for another page or other filters: their position is not the view's.
    if (!rowsMatchView()) return;
    view = { ...view, scrollTop };
    if (!scrollSaveTimer) {
      scrollSaveTimer = setTimeout(() => {
        scrollSaveTimer = undefined;
        persist();
      }, SCROLL_SAVE_MS);
    }
  },
});
table.setSort(view.sort);
const pagination = new Pagination((delta) => goToPage(delta));

app.prepend(filtersBar.element, loadingBar, status, statePanel.element, table.element, pagination.element);

/** Whether the rows shown are the view's page with the view's filters (not rows kept from before them). */
function rowsMatchView(): boolean {
  return result !== undefined && result.page === view.page && filtersEqual(shownFilters, view.filters);
}

/** Where a new request for the same view should scroll to: where the user is, unless the rows are from another view. */
function scrollToKeep(): number {
  return rowsMatchView() ? table.scrollTop : 0;
}

function persist(): void {
  saveViewState({ filters: view.filters, page: view.page, scrollTop: Math.round(view.scrollTop), ...(view.sort ? { sort: view.sort } : {}) });
}

/** Validates the current filters and shows the errors inline; true when a query may be sent. */
function validate(): boolean {
  const local = { ...validateFilters(view.filters, Date.now()).errors, ...filtersBar.inputErrors() };
  const errors = mergeErrors(local, hostFieldErrors);
  filtersBar.setErrors(errors);
  return Object.keys(local).length === 0;
}

/** Sends a query for the current filters and page; `scrollTop` is where to scroll when it arrives. */
function runQuery(scrollTop: number | undefined): void {
  clearTimeout(debounceTimer);
  debounceTimer = undefined;
  if (signedIn === false) return render();
  if (!validate()) {
    note = "Fix the highlighted filters to search.";
    return render();
  }
  note = "";
  const requestId = requests.next();
  heldBack = undefined;
  awaitingRestOf = undefined;
  pendingScrollTop = scrollTop;
  queriedFilters = view.filters;
  postToHost({ type: "query", requestId, filters: view.filters, page: view.page });
  render();
}

function changeFilters(filters: TrafficFilters, debounce: boolean): void {
  const changed = !filtersEqual(filters, view.filters);
  if (changed) {
    view = withFilters(view, filters);
    hostFieldErrors = undefined;
    persist();
  }
  if (!validate()) {
    clearTimeout(debounceTimer);
    debounceTimer = undefined;
    note = "Fix the highlighted filters to search.";
    return render();
  }
  if (debounce) {
    if (changed) {
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(() => runQuery(0), SEARCH_DEBOUNCE_MS);
    }
    return;
  }
  if (changed || debounceTimer !== undefined) runQuery(0);
}

function setFilters(filters: TrafficFilters): void {
  view = withFilters(view, filters);
  hostFieldErrors = undefined;
  filtersBar.setFilters(view.filters);
  persist();
  runQuery(0);
}

function clearFilters(): void {
  setFilters(EMPTY_FILTERS);
}

function exportFilters(): void {
  if (!validate()) return filtersBar.focusFirstInvalid();
  postToHost({ type: "export", filters: view.filters });
}

function cancelQuery(): void {
  const requestId = requests.cancel();
  if (requestId !== undefined) postToHost({ type: "cancel", requestId });
  pendingScrollTop = undefined;
  if (result) view = { ...view, page: result.page };
  note = "Loading cancelled.";
  render();
}

function goToPage(delta: -1 | 1): void {
  if (!result) return;
  view = withPage(view, result.page + delta);
  persist();
  runQuery(0);
}

function openJson(row: TrafficRow): void {
  if (result) postToHost({ type: "openJson", pageKey: result.pageKey, index: row.index });
}

function openRowMenu(row: TrafficRow, anchor: HTMLButtonElement): void {
  const filterBy = (field: keyof TrafficFilters, value: string) => () => setFilters({ ...view.filters, [field]: value });
  const actions: MenuAction[] = [
    { label: "Open JSON", icon: "json", run: () => openJson(row) },
    { label: "Copy flow ID", icon: "copy", run: () => postToHost({ type: "copyText", text: row.flowId }) },
    { label: "Filter by this source", icon: "filter", disabled: !row.source.id, run: filterBy("sourceId", row.source.id) },
    { label: "Filter by this destination", icon: "filter", disabled: !row.destination.id, run: filterBy("destinationId", row.destination.id) },
    { label: "Filter by this user", icon: "filter", disabled: !row.userId, run: filterBy("userId", row.userId) },
    { label: "Filter by this reporter", icon: "filter", disabled: !row.reporterId, run: filterBy("reporterId", row.reporterId) },
  ];
  menuScrollTop = table.scrollTop;
  menu.toggle(anchor, `Actions for flow ${row.flowId}`, actions);
}

function onPanelAction(action: PanelAction): void {
  switch (action) {
    case "signIn":
      return postToHost({ type: "signIn" });
    case "openTrafficSettings":
      return postToHost({ type: "openTrafficSettings" });
    case "clearFilters":
      return clearFilters();
    case "retry":
      return runQuery(scrollToKeep());
  }
}

function showPage(requestId: number, page: PageResult): void {
  const partial = page.rows.length < page.rowCount;
  if (partial && (view.sort !== undefined || (restoreScrollTop ?? pendingScrollTop ?? 0) > 0)) {
    if (requests.pending === requestId) heldBack = { requestId, page };
    return;
  }
  if (!requests.settle(requestId)) return;
  heldBack = undefined;
  awaitingRestOf = partial ? requestId : undefined;
  const retry = pageToRetry(page);
  if (retry !== undefined) {
    view = withPage(view, retry);
    persist();
    return runQuery(0);
  }
  result = page;
  shownFilters = queriedFilters;
  hostFieldErrors = undefined;
  validate();
  view = { ...view, page: page.page };
  filtersBar.setSuggestions(page.suggestions);
  const scrollTop = restoreScrollTop ?? pendingScrollTop;
  restoreScrollTop = undefined;
  pendingScrollTop = undefined;
  table.setRows(page.rows, page.pageKey, scrollTop);
  settled = { state: page.rows.length ? "ready" : "empty", message: "" };
  note = partial ? "Loading the rest of the page…" : "";
  render();
  view = { ...view, scrollTop: table.scrollTop };
  persist();
}

/** The rest of a page whose first part came in `page`: shown where the user is. */
function addPageRows(message: Extract<HostToWebview, { type: "pageRows" }>): void {
  if (heldBack && heldBack.requestId === message.requestId && heldBack.page.pageKey === message.pageKey) {
    const page = heldBack.page;
    heldBack = undefined;
    return showPage(message.requestId, { ...page, rows: joinRows(page.rows, message.rows), suggestions: message.suggestions });
  }
  if (awaitingRestOf !== message.requestId || result?.pageKey !== message.pageKey) return;
  awaitingRestOf = undefined;
  result = { ...result, rows: joinRows(result.rows, message.rows), suggestions: message.suggestions };
  filtersBar.setSuggestions(result.suggestions);
  table.setRows(result.rows, result.pageKey);
  note = "";
  render();
}

function showError(message: Extract<HostToWebview, { type: "error" }>): void {
  // The rest of a page that failed to come counts as the page failing.
  const restFailed = awaitingRestOf === message.requestId;
  if (!restFailed && !requests.settle(message.requestId)) return;
  awaitingRestOf = undefined;
  heldBack = undefined;
  hostFieldErrors = message.fieldErrors;
  validate();
  settled = { state: stateOfProblem(message.problem), message: message.message };
  // Only a passing problem keeps the rows from before it; not the first part of the page that failed, nor
  // rows the user may no longer read (no access, not available, logging off).
  if (restFailed || !keepsRowsOnError(settled.state)) dropResult();
  if (settled.state === "signedOut") signOut();
  note = "";
  render();
}

/** Drops the rows of the previous session (they may belong to another account). */
function signOut(): void {
  signedIn = false;
  requests.cancel();
  dropResult();
  settled = { state: "signedOut", message: settled.state === "signedOut" ? settled.message : "" };
}

/** Forgets the page shown: after a sign-out or with another token or server, it must not stay on screen. */
function dropResult(): void {
  heldBack = undefined;
  awaitingRestOf = undefined;
  result = undefined;
  table.setRows([], "", 0);
  filtersBar.setSuggestions(undefined);
}

function onMessage(message: HostToWebview): void {
  switch (message.type) {
    case "init":
      signedIn = message.signedIn;
      if (message.applyFilters) {
        restoreScrollTop = undefined;
        view = withFilters(view, sanitizeFilters(message.applyFilters));
        filtersBar.setFilters(view.filters);
        persist();
      }
      if (!signedIn) {
        signOut();
        return render();
      }
      return runQuery(restoreScrollTop ?? 0);
    case "applyFilters":
      restoreScrollTop = undefined;
      return setFilters(sanitizeFilters(message.filters));
    case "session":
      if (!message.signedIn) {
        signOut();
        return render();
      }
      signedIn = true;
      // Another token or server: the rows shown may be another account's.
      dropResult();
      return runQuery(0);
    case "page":
      return showPage(message.requestId, message.result);
    case "pageRows":
      return addPageRows(message);
    case "error":
      return showError(message);
  }
}

/** When rows were loaded: the time today, else the date and time. */
function loadedAt(ms: number): string {
  clock ??= new TimeText();
  return localDayKey(ms) === localDayKey(Date.now()) ? clock.clockTime(ms) : clock.dateTime(ms);
}

/** Shows the current state: data-state, loading bar, panel, table, pagination and the live status. */
function render(): void {
  const loading = requests.pending !== undefined || signedIn === undefined;
  const state: PanelState = loading ? "loading" : settled.state;
  document.body.dataset.state = state;
  loadingBar.hidden = !loading;
  cancelButton.hidden = requests.pending === undefined;
  // A passing problem (server error, rate limit, timeout) shows above the rows loaded before it, not instead;
  // they stay while Retry loads.
  const keepRows = keepsRowsOnError(settled.state) && result !== undefined && result.rowCount > 0;
  const filtersChanged = !filtersEqual(shownFilters, view.filters);
  const staleNote = !loading && keepRows && result ? staleRowsNote(result.page, loadedAt(result.fetchedAt), filtersChanged) : undefined;
  const showTable = (settled.state === "ready" || keepRows) && result !== undefined;
  table.setVisible(showTable);
  table.setBusy(loading && showTable);
  statePanel.show(loading ? "loading" : settled.state, settled.message, staleNote);
  // Paging from rows of other filters would page through the new filters from the old page number.
  pagination.show(showTable && !(keepRows && filtersChanged) ? result : undefined);
  let text: string;
  if (loading) text = "Loading traffic events…";
  else if (state === "ready" && result) text = shownText(result);
  else {
    const content = panelContent(state, settled.message);
    text = content ? `${[content.title, ...content.paragraphs, ...(staleNote ? [staleNote] : [])].map((t) => t.replace(/\.$/, "")).join(". ")}.` : "";
  }
  const full = note ? `${note} ${text}` : text;
  if (status.textContent !== full) status.textContent = full;
}

onHostMessage(onMessage);
render();
postToHost({ type: "ready" });
