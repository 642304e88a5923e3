/** Texts and limits of the pagination bar and the status line (pure, no DOM). */
import type { PageResult } from "../../core/traffic/protocol";

type PageNumbers = Pick<PageResult, "page" | "totalPages" | "totalRecords" | "pageSize">;

const integer = (value: number, locale?: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);

/** "Page 2 of 124" (at least "Page 1 of 1"). */
export function pageLabel(result: PageNumbers, locale?: string): string {
  const total = Math.max(1, result.totalPages, result.page);
  return `Page ${integer(result.page, locale)} of ${integer(total, locale)}`;
}

/** "12,345 records" / "1 record". */
export function recordsLabel(totalRecords: number, locale?: string): string {
  return `${integer(totalRecords, locale)} ${totalRecords === 1 ? "record" : "records"}`;
}

/** "100 per page". */
export function pageSizeLabel(pageSize: number, locale?: string): string {
  return `${integer(pageSize, locale)} per page`;
}

export function canGoBack(result: PageNumbers): boolean {
  return result.page > 1;
}

export function canGoForward(result: PageNumbers): boolean {
  return result.page < result.totalPages;
}

/** The live status of a painted page: "Showing records 101–200 of 12,345, page 2 of 124." */
export function shownText(result: PageNumbers & { readonly rowCount: number }, locale?: string): string {
  if (result.rowCount === 0) return "No traffic events match these filters.";
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.rowCount - 1;
  return `Showing records ${integer(first, locale)}–${integer(last, locale)} of ${integer(result.totalRecords, locale)}, ${pageLabel(result, locale).toLowerCase()}.`;
}

/**
 * When a page past the end comes back empty (e.g. a restored page 5 after the data shrank to 3 pages),
 * the page to ask for instead; undefined when the result is fine as it is.
 */
export function pageToRetry(result: PageNumbers & { readonly rowCount: number }): number | undefined {
  return result.rowCount === 0 && result.totalRecords > 0 && result.totalPages >= 1 && result.page > result.totalPages ? result.totalPages : undefined;
}
