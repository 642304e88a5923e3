import * as assert from "node:assert/strict";
import { EMPTY_FILTERS, filtersEqual } from "../../src/core/traffic/trafficFilters";
import {
  INITIAL_VIEW,
  mergeErrors,
  RequestTracker,
  restoreViewState,
  stateOfProblem,
  withFilters,
  withPage,
} from "../../src/webview-ui/traffic/appState";

describe("webview app state", () => {
  it("restores a saved view state and drops anything malformed", () => {
    const saved = { filters: { ...EMPTY_FILTERS, search: "alice", bogus: "x" }, page: 3, scrollTop: 880, sort: { column: "traffic", descending: true } };
    const view = restoreViewState(saved);
    assert.equal(view.filters.search, "alice");
    assert.ok(!("bogus" in view.filters));
    assert.equal(view.page, 3);
    assert.equal(view.scrollTop, 880);
    assert.deepEqual(view.sort, { column: "traffic", descending: true });

    assert.deepEqual(restoreViewState(undefined), INITIAL_VIEW);
    assert.deepEqual(restoreViewState("nope"), INITIAL_VIEW);
    const odd = restoreViewState({ filters: 5, page: -2, scrollTop: Number.NaN, sort: { column: "actions", descending: "yes" } });
    assert.deepEqual(odd, { filters: EMPTY_FILTERS, page: 1, scrollTop: 0 });
    assert.equal(restoreViewState({ page: 2.5 }).page, 1);
    assert.equal(restoreViewState({ page: 5_000_000 }).page, 1);
    assert.equal(restoreViewState({ sort: { column: "time" } }).sort?.descending, false);
  });

  it("resets to page 1 and the top on any filter change", () => {
    const view = { filters: EMPTY_FILTERS, page: 7, scrollTop: 4000, sort: { column: "time" as const, descending: true } };
    const next = withFilters(view, { ...EMPTY_FILTERS, userId: "u1" });
    assert.equal(next.page, 1);
    assert.equal(next.scrollTop, 0);
    assert.equal(next.filters.userId, "u1");
    assert.deepEqual(next.sort, view.sort, "the sort is kept");
  });

  it("moves pages within bounds and scrolls to the top", () => {
    const view = { filters: EMPTY_FILTERS, page: 2, scrollTop: 500 };
    assert.deepEqual(withPage(view, 3), { ...view, page: 3, scrollTop: 0 });
    assert.equal(withPage(view, 0).page, 1);
    assert.equal(withPage(view, 2.7).page, 2);
  });

  it("compares filters field by field", () => {
    assert.ok(filtersEqual(EMPTY_FILTERS, { ...EMPTY_FILTERS }));
    assert.ok(!filtersEqual(EMPTY_FILTERS, { ...EMPTY_FILTERS, protocol: "tcp" }));
  });

  it("merges local and host field errors, local first", () => {
    assert.deepEqual(mergeErrors({ protocol: "local" }, { protocol: "host", search: "host search" }), { protocol: "local", search: "host search" });
    assert.deepEqual(mergeErrors({}, undefined), {});
  });

  it("accepts only the answer to the latest pending query", () => {
    const requests = new RequestTracker(100);
    const first = requests.next();
    const second = requests.next();
    assert.ok(second > first);
    assert.equal(requests.pending, second);
    assert.ok(!requests.settle(first), "stale answer dropped");
    assert.equal(requests.pending, second);
    assert.ok(requests.settle(second));
    assert.equal(requests.pending, undefined);
    assert.ok(!requests.settle(second), "answered only once");
  });

  it("cancels the pending query and ignores its late answer", () => {
    const requests = new RequestTracker(0);
    assert.equal(requests.cancel(), undefined);
    const id = requests.next();
    assert.equal(requests.cancel(), id);
    assert.equal(requests.pending, undefined);
    assert.ok(!requests.settle(id));
    assert.ok(requests.next() > id, "ids keep increasing");
  });

  it("seeds request ids from the clock so they increase across reloads", () => {
    const before = Date.now();
    assert.ok(new RequestTracker().next() > before);
  });

  it("maps host problems to panel states", () => {
    assert.equal(stateOfProblem("signedOut"), "signedOut");
    assert.equal(stateOfProblem("notAvailable"), "notAvailable");
    assert.equal(stateOfProblem("loggingDisabled"), "loggingDisabled");
    assert.equal(stateOfProblem("forbidden"), "forbidden");
    assert.equal(stateOfProblem("rateLimited"), "error");
    assert.equal(stateOfProblem("invalidRequest"), "error");
    assert.equal(stateOfProblem("error"), "error");
  });
});
