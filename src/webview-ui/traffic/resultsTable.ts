/**
 * The virtualised results table. Only the rows under the viewport plus a small overscan are in the DOM
 * (see virtualWindow.ts); a spacer (the body rowgroup, sized with CSSOM) gives the scrollbar its full
 * length; rows have one fixed height and are positioned with transforms. Row elements are pooled and
 * reused, and only repainted when the row they show changes.
 *
 * ARIA: role="table" with aria-rowcount; a header row of columnheaders holding sort buttons (aria-sort);
 * body rows carry aria-rowindex (header = 1). Rows use a roving tabindex: ArrowUp/Down, PageUp/Down,
 * Home/End move through the whole list (scrolling it), Enter opens the row's JSON.
 */
import type { TrafficRow } from "../../core/traffic/trafficRows";
import { bytesText, countersText, endpointAddress, endpointDetails, endpointName, endpointTitle, enumLabel, packetsText, STATUS_LABELS, TimeText, trafficTitle } from "./cellText";
import { el, icon, setAttr, setText } from "./dom";
import { nextSort, sortRows, type SortColumn, type SortSpec } from "./sortRows";
import { pageStep, scrollTopToReveal, virtualWindow, visibleRange, windowCovers, type VirtualWindow } from "./virtualWindow";

/** Row height in px; CSS reads it as --row-height so both agree. */
export const ROW_HEIGHT = 44;
const OVERSCAN = 8;
const FILL_DELAY_MS = 120;

export interface ResultsTableEvents {
  onOpenJson(row: TrafficRow): void;
  onActions(row: TrafficRow, anchor: HTMLButtonElement): void;
  onSortChange(sort: SortSpec): void;
  onScroll(scrollTop: number): void;
}

const COLUMNS: readonly { readonly id: SortColumn | "actions"; readonly label: string }[] = [
  { id: "time", label: "Time" },
  { id: "direction", label: "Direction" },
  { id: "source", label: "Source" },
  { id: "destination", label: "Destination" },
  { id: "service", label: "Service" },
  { id: "type", label: "Type" },
  { id: "traffic", label: "Traffic" },
  { id: "user", label: "User" },
  { id: "policy", label: "Policy" },
  { id: "connection", label: "Connection" },
  { id: "actions", label: "Actions" },
];

interface EndpointParts {
  readonly cell: HTMLElement;
  readonly name: HTMLElement;
  readonly address: HTMLElement;
  readonly details: HTMLElement;
}

/** A pooled row element and the elements its text goes into. */
interface RowView {
  readonly element: HTMLDivElement;
  readonly time: HTMLElement;
  readonly timeCell: HTMLElement;
  readonly windowEnd: HTMLElement;
  readonly direction: HTMLElement;
  readonly source: EndpointParts;
  readonly destination: EndpointParts;
  readonly service: HTMLElement;
  readonly dot: HTMLElement;
  readonly status: HTMLElement;
  readonly counters: HTMLElement;
  readonly trafficCell: HTMLElement;
  readonly bytes: HTMLElement;
  readonly packets: HTMLElement;
  readonly user: HTMLElement;
  readonly policy: HTMLElement;
  readonly connection: HTMLElement;
  readonly actions: HTMLButtonElement;
  /** Position in the sorted list shown, or -1 when unused. */
  index: number;
  row: TrafficRow | undefined;
  pageKey: string;
}

const cell = (className: string, ...children: HTMLElement[]) => el("div", { className: `cell ${className}`, attrs: { role: "cell" }, children });
const line = (className = "line") => el("span", { className });

export class ResultsTable {
  readonly element: HTMLElement;
  private readonly scroller: HTMLDivElement;
  private readonly table: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly headerCells = new Map<SortColumn, HTMLElement>();
  /** Row elements of the window, in row order (views[k] shows row window.start + k). */
  private views: RowView[] = [];
  /** Hidden row elements kept for reuse (views + spare never exceed MAX_RENDERED_ROWS). */
  private spare: RowView[] = [];
  private readonly times = new TimeText();
  private source: readonly TrafficRow[] = [];
  private rows: readonly TrafficRow[] = [];
  private pageKey = "";
  private sort: SortSpec | undefined;
  private window: VirtualWindow | undefined;
  private focusIndex = 0;
  private headerHeight = 0;
  private viewportHeight = 0;
  private frame = 0;
  private pendingScrollTop: number | undefined;
  private fillTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly events: ResultsTableEvents) {
    document.documentElement.style.setProperty("--row-height", `${ROW_HEIGHT}px`);
    const headerRow = el("div", { className: "trow header-row", attrs: { role: "row", "aria-rowindex": "1" } });
    for (const column of COLUMNS) headerRow.append(this.headerCell(column.id, column.label));
    this.header = el("div", { className: "thead", attrs: { role: "rowgroup" }, children: [headerRow] });
    this.body = el("div", { className: "tbody", attrs: { role: "rowgroup" } });
    this.table = el("div", {
      className: "table",
      attrs: { id: "traffic-table", role: "table", "aria-label": "Traffic events", "aria-rowcount": "1", "aria-colcount": String(COLUMNS.length) },
      children: [this.header, this.body],
    });
    this.scroller = el("div", { className: "table-scroller", attrs: { id: "table-scroller", tabindex: "-1" }, children: [this.table] });
    this.element = el("div", { className: "results", attrs: { id: "results" }, children: [this.scroller] });

    this.scroller.addEventListener("scroll", () => this.onScroll(), { passive: true });
    this.scroller.addEventListener("keydown", (event) => this.onKey(event));
    this.body.addEventListener("focusin", (event) => this.onFocusIn(event));
    this.body.addEventListener("click", (event) => this.onClick(event));
    // VS Code's webview script reads data-vscode-context from the target's ancestors when the contextmenu event
    // reaches the window (after this listener): the row's context is written only then, not on every paint.
    this.body.addEventListener("contextmenu", (event) => {
      const view = this.viewOf(event.target);
      if (view?.row) view.element.dataset.vscodeContext = JSON.stringify({ webviewSection: "trafficRow", pageKey: this.pageKey, index: view.row.index, preventDefaultContextMenuItems: true });
    });
    this.body.addEventListener("dblclick", (event) => {
      const view = this.viewOf(event.target);
      if (view?.row && !(event.target as Element).closest("button")) this.events.onOpenJson(view.row);
    });
    new ResizeObserver(() => {
      this.measure();
      this.render(true);
    }).observe(this.scroller);
  }

  get scrollTop(): number {
    return this.scroller.scrollTop;
  }

  /** Shows a new page; `scrollTop` restores a position (default: keep the current one). */
  setRows(rows: readonly TrafficRow[], pageKey: string, scrollTop?: number): void {
    this.source = rows;
    this.pageKey = pageKey;
    this.rows = sortRows(rows, this.sort);
    this.focusIndex = Math.min(this.focusIndex, Math.max(0, rows.length - 1));
    for (const view of this.views) view.row = undefined; // repaint every reused row
    this.table.setAttribute("aria-rowcount", String(rows.length + 1));
    this.body.style.height = `${rows.length * ROW_HEIGHT}px`;
    if (scrollTop !== undefined) {
      this.focusIndex = 0;
      // A hidden scroller (display: none) ignores scrollTop: keep it for setVisible.
      if (this.element.hidden) this.pendingScrollTop = scrollTop;
      else this.scrollTo(scrollTop);
    }
    this.render(true);
  }

  setVisible(visible: boolean): void {
    if (this.element.hidden === !visible) return;
    this.element.hidden = !visible;
    if (visible) {
      this.measure();
      if (this.pendingScrollTop !== undefined) this.scrollTo(this.pendingScrollTop);
      this.pendingScrollTop = undefined;
      this.render(true);
    }
  }

  private scrollTo(scrollTop: number): void {
    this.scroller.scrollTop = scrollTop;
    if (scrollTop === 0) this.scroller.scrollLeft = 0;
  }

  /** Applies a sort (restored or chosen) and re-orders the current page, back at its top. */
  setSort(sort: SortSpec | undefined): void {
    this.sort = sort;
    for (const [column, header] of this.headerCells) {
      const sorted = sort?.column === column;
      header.setAttribute("aria-sort", sorted ? (sort.descending ? "descending" : "ascending") : "none");
      const indicator = header.querySelector(".sort-indicator");
      if (indicator) indicator.className = `sort-indicator codicon ${sorted ? (sort.descending ? "codicon-arrow-down" : "codicon-arrow-up") : ""}`;
    }
    this.rows = sortRows(this.source, sort);
    for (const view of this.views) view.row = undefined;
    this.scroller.scrollTop = 0;
    this.focusIndex = 0;
    this.render(true);
  }

  setBusy(busy: boolean): void {
    this.element.classList.toggle("is-busy", busy);
    setAttr(this.table, "aria-busy", busy ? "true" : undefined);
  }

  private headerCell(id: SortColumn | "actions", label: string): HTMLElement {
    if (id === "actions") {
      return el("div", {
        className: "cell th c-actions",
        attrs: { role: "columnheader" },
        children: [el("span", { className: "visually-hidden", text: label })],
      });
    }
    const sortButton = el("button", {
      className: "sort-button",
      attrs: { type: "button" },
      children: [el("span", { text: label }), el("span", { className: "sort-indicator codicon", attrs: { "aria-hidden": "true" } })],
    });
    sortButton.addEventListener("click", () => {
      const sort = nextSort(this.sort, id);
      this.setSort(sort);
      this.events.onSortChange(sort);
    });
    const header = el("div", { className: `cell th c-${id}`, attrs: { role: "columnheader", "aria-sort": "none" }, children: [sortButton] });
    this.headerCells.set(id, header);
    return header;
  }

  private measure(): void {
    this.headerHeight = this.header.offsetHeight;
    this.viewportHeight = Math.max(0, this.scroller.clientHeight - this.headerHeight);
  }

  private onScroll(): void {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render(false);
      });
    }
    this.events.onScroll(this.scroller.scrollTop);
  }

  /**
   * Puts the window's rows in the DOM. Without `force`, does nothing while the visible rows are covered.
   * Elements of rows that stay in the window are kept as they are (no repaint, focus kept); elements of
   * rows that left are recycled for the rows that entered and moved to the matching end, so the DOM order
   * always follows the row order (what assistive technology reads).
   */
  private render(force: boolean): void {
    if (!this.viewportHeight && this.scroller.isConnected) this.measure();
    const scrollTop = this.scroller.scrollTop;
    const count = this.rows.length;
    if (!force && this.window && windowCovers(this.window, scrollTop, this.viewportHeight, ROW_HEIGHT, count, OVERSCAN / 3)) return;
    const active = document.activeElement;
    const hadFocus = this.body.contains(active);
    const focusOnButton = hadFocus && active?.tagName === "BUTTON";
    const previous = this.window;
    // A jump (scrollbar drag, End) shares no row with the rendered window: paint only the visible rows in
    // this frame and add the overscan once scrolling pauses, which halves the work of such frames.
    const visible = visibleRange(scrollTop, this.viewportHeight, ROW_HEIGHT, count);
    const jump = !force && previous !== undefined && (visible.end <= previous.start || visible.first >= previous.end);
    clearTimeout(this.fillTimer);
    if (jump) this.fillTimer = setTimeout(() => this.render(true), FILL_DELAY_MS);
    const next = virtualWindow({ scrollTop, viewportHeight: this.viewportHeight, rowHeight: ROW_HEIGHT, rowCount: count, overscan: jump ? 0 : OVERSCAN });
    const views: (RowView | undefined)[] = new Array<RowView | undefined>(next.end - next.start);
    const recycled = this.spare;
    this.spare = [];
    let firstKept = -1;
    let lastKept = -1;
    for (let k = 0; k < this.views.length; k++) {
      const index = (previous?.start ?? 0) + k;
      if (index >= next.start && index < next.end) {
        const slot = index - next.start;
        views[slot] = this.views[k];
        if (firstKept < 0) firstKept = slot;
        lastKept = slot;
      } else recycled.push(this.views[k]);
    }
    for (let slot = 0; slot < views.length; slot++) {
      if (views[slot]) continue;
      let view = recycled.pop();
      if (!view) {
        view = this.createRow();
        this.body.append(view.element);
      }
      views[slot] = view;
    }
    this.views = views as RowView[];
    this.window = next;
    const elements = this.views.map((view) => view.element);
    if (firstKept < 0) this.body.append(...elements);
    else {
      if (firstKept > 0) elements[firstKept].before(...elements.slice(0, firstKept));
      if (lastKept < elements.length - 1) elements[lastKept].after(...elements.slice(lastKept + 1));
    }
    for (const view of recycled) {
      view.index = -1;
      view.row = undefined;
      view.element.hidden = true;
      this.spare.push(view);
    }
    for (let slot = 0; slot < this.views.length; slot++) this.paint(this.views[slot], next.start + slot);
    this.updateTabStops(scrollTop);
    if (hadFocus) this.restoreFocus(focusOnButton);
  }

  private createRow(): RowView {
    const endpoint = (className: string): EndpointParts => {
      const name = line("name");
      const address = line("address");
      const details = line("line secondary");
      const first = el("span", { className: "line", children: [name, address] });
      return { cell: cell(className, first, details), name, address, details };
    };
    const time = line();
    const windowEnd = line("line secondary");
    const timeCell = cell("c-time", time, windowEnd);
    const direction = cell("c-direction one");
    const source = endpoint("c-source");
    const destination = endpoint("c-destination");
    const service = cell("c-service one");
    const dot = el("span", { className: "status-dot", attrs: { "aria-hidden": "true" } });
    const status = line("status-label");
    const counters = line("line secondary");
    const bytes = line();
    const packets = line("line secondary");
    const trafficCell = cell("c-traffic", bytes, packets);
    const user = cell("c-user one");
    const policy = cell("c-policy one");
    const connection = cell("c-connection one");
    const actions = el("button", {
      className: "icon-button row-actions",
      attrs: { type: "button", tabindex: "-1", "aria-haspopup": "menu", "aria-expanded": "false" },
      children: [icon("ellipsis")],
    });
    const element = el("div", {
      className: "trow body-row",
      attrs: { role: "row", tabindex: "-1" },
      children: [
        timeCell,
        direction,
        source.cell,
        destination.cell,
        service,
        cell("c-type", el("span", { className: "line", children: [dot, status] }), counters),
        trafficCell,
        user,
        policy,
        connection,
        cell("c-actions", actions),
      ],
    });
    return { element, time, timeCell, windowEnd, direction, source, destination, service, dot, status, counters, trafficCell, bytes, packets, user, policy, connection, actions, index: -1, row: undefined, pageKey: "" };
  }

  private paint(view: RowView, index: number): void {
    const row = this.rows[index];
    if (view.index !== index) {
      view.index = index;
      view.element.hidden = false;
      view.element.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
      view.element.setAttribute("aria-rowindex", String(index + 2));
    }
    if (view.row === row && view.pageKey === this.pageKey) return;
    view.row = row;
    view.pageKey = this.pageKey;
    view.element.dataset.index = String(row.index);
    view.element.dataset.flowId = row.flowId;
    setText(view.time, this.times.dateTime(row.time));
    setText(view.windowEnd, this.times.windowEnd(row));
    view.timeCell.title = this.times.title(row);
    setText(view.direction, enumLabel(row.direction) || "—");
    this.paintEndpoint(view.source, row.source);
    this.paintEndpoint(view.destination, row.destination);
    setText(view.service, row.service || "—");
    view.dot.className = `status-dot status-${row.status}`;
    setText(view.status, STATUS_LABELS[row.status] ?? row.status);
    setText(view.counters, countersText(row));
    setText(view.bytes, bytesText(row));
    setText(view.packets, packetsText(row));
    view.trafficCell.title = trafficTitle(row);
    setText(view.user, row.user || row.userId || "—");
    view.user.title = row.userId ? `User ID: ${row.userId}` : "";
    setText(view.policy, row.policy || row.policyId || "—");
    view.policy.title = row.policyId ? `Policy ID: ${row.policyId}` : "";
    setText(view.connection, enumLabel(row.connection));
    view.actions.setAttribute("aria-label", `Actions for flow ${row.flowId}`);
    view.actions.title = "Actions";
  }

  private paintEndpoint(parts: EndpointParts, endpoint: TrafficRow["source"]): void {
    setText(parts.name, endpointName(endpoint));
    setText(parts.address, endpointAddress(endpoint));
    setText(parts.details, endpointDetails(endpoint));
    parts.cell.title = endpointTitle(endpoint);
  }

  /** The view showing list position `index`, if rendered. */
  private viewAt(index: number): RowView | undefined {
    if (!this.window || index < this.window.start || index >= this.window.end) return undefined;
    const view = this.views[index - this.window.start];
    return view?.index === index ? view : undefined;
  }

  private viewOf(target: EventTarget | null): RowView | undefined {
    const rowElement = (target as Element | null)?.closest?.(".body-row");
    return rowElement ? this.views.find((view) => view.element === rowElement) : undefined;
  }

  /** One tab stop: the focused row if rendered, else the first visible row; its actions button too. */
  private updateTabStops(scrollTop: number): void {
    let stop = this.viewAt(this.focusIndex);
    if (!stop && this.window && this.window.end > this.window.start) {
      const first = Math.min(this.window.end - 1, Math.floor(scrollTop / ROW_HEIGHT));
      stop = this.viewAt(Math.max(this.window.start, first));
    }
    for (const view of this.views) {
      const value = view === stop ? "0" : "-1";
      if (view.element.getAttribute("tabindex") !== value) view.element.setAttribute("tabindex", value);
      if (view.actions.getAttribute("tabindex") !== value) view.actions.setAttribute("tabindex", value);
    }
  }

  /** After repainting, keeps keyboard focus on the row it belonged to, or parks it on the scroller. */
  private restoreFocus(onButton: boolean): void {
    const view = this.viewAt(this.focusIndex);
    const target = view ? (onButton ? view.actions : view.element) : this.scroller;
    if (document.activeElement !== target) target.focus({ preventScroll: true });
  }

  private onFocusIn(event: FocusEvent): void {
    const view = this.viewOf(event.target);
    if (view && view.index >= 0 && view.index !== this.focusIndex) {
      this.focusIndex = view.index;
      this.updateTabStops(this.scroller.scrollTop);
    }
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as Element;
    const actions = target.closest(".row-actions");
    const view = this.viewOf(target);
    if (actions && view?.row) this.events.onActions(view.row, view.actions);
  }

  /** Moves the roving focus to list position `index`, scrolling it into view. */
  focusRow(index: number): void {
    const count = this.rows.length;
    if (!count) return;
    this.focusIndex = Math.max(0, Math.min(count - 1, index));
    const top = scrollTopToReveal(this.focusIndex, this.scroller.scrollTop, this.viewportHeight, ROW_HEIGHT);
    if (top !== this.scroller.scrollTop) this.scroller.scrollTop = top;
    this.render(!this.viewAt(this.focusIndex));
    this.updateTabStops(this.scroller.scrollTop);
    this.viewAt(this.focusIndex)?.element.focus({ preventScroll: true });
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const onRow = target.classList.contains("body-row");
    const onScroller = target === this.scroller;
    if (!onRow && !onScroller) return;
    const step = pageStep(this.viewportHeight, ROW_HEIGHT);
    const moves: Record<string, number> = {
      ArrowDown: this.focusIndex + 1,
      ArrowUp: this.focusIndex - 1,
      PageDown: this.focusIndex + step,
      PageUp: this.focusIndex - step,
      Home: 0,
      End: this.rows.length - 1,
    };
    if (event.key in moves && !event.altKey && !event.metaKey) {
      event.preventDefault();
      this.focusRow(onScroller && !this.viewAt(this.focusIndex) ? this.focusIndex : moves[event.key]);
    } else if (event.key === "Enter" && onRow) {
      const row = this.viewOf(target)?.row;
      if (row) {
        event.preventDefault();
        this.events.onOpenJson(row);
      }
    }
  }
}
