/** The pagination bar: Previous page / Next page, "Page x of y", total records and page size. */
import type { PageResult } from "../../core/traffic/protocol";
import { button, el, setText } from "./dom";
import { canGoBack, canGoForward, pageLabel, pageSizeLabel, recordsLabel } from "./pageInfo";

export class Pagination {
  readonly element: HTMLElement;
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly page: HTMLElement;
  private readonly records: HTMLElement;
  private readonly size: HTMLElement;

  constructor(onPage: (delta: -1 | 1) => void) {
    this.previous = button("Previous page", { id: "previous-page", icon: "chevron-left", className: "button secondary" });
    this.next = button("Next page", { id: "next-page", icon: "chevron-right", className: "button secondary" });
    this.next.classList.add("icon-after");
    this.previous.addEventListener("click", () => onPage(-1));
    this.next.addEventListener("click", () => onPage(1));
    this.page = el("span", { className: "page-label", attrs: { id: "page-label" } });
    this.records = el("span", { className: "records-label", attrs: { id: "record-count" } });
    this.size = el("span", { className: "page-size-label", attrs: { id: "page-size-label" } });
    this.element = el("nav", {
      className: "pagination",
      attrs: { id: "pagination", "aria-label": "Pages" },
      children: [this.previous, this.page, this.next, el("span", { className: "spacer" }), this.records, this.size],
    });
    this.element.hidden = true;
  }

  show(result: PageResult | undefined): void {
    this.element.hidden = !result;
    if (!result) return;
    setText(this.page, pageLabel(result));
    setText(this.records, recordsLabel(result.totalRecords));
    setText(this.size, pageSizeLabel(result.pageSize));
    this.previous.disabled = !canGoBack(result);
    this.next.disabled = !canGoForward(result);
  }
}
