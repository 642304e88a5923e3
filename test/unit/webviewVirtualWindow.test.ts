import * as assert from "node:assert/strict";
import { MAX_RENDERED_ROWS, pageStep, scrollTopToReveal, virtualWindow, visibleRange, windowCovers } from "../../src/webview-ui/traffic/virtualWindow";

const ROW = 44;

describe("webview virtual window", () => {
  it("renders the visible rows plus overscan at the top of the list", () => {
    const w = virtualWindow({ scrollTop: 0, viewportHeight: 440, rowHeight: ROW, rowCount: 1000, overscan: 5 });
    assert.deepEqual(w, { start: 0, end: 15, totalHeight: 44_000 });
  });

  it("adds overscan on both sides in the middle", () => {
    const w = virtualWindow({ scrollTop: 100 * ROW, viewportHeight: 440, rowHeight: ROW, rowCount: 1000, overscan: 5 });
    assert.equal(w.start, 95);
    assert.equal(w.end, 115);
  });

  it("counts a partly visible row", () => {
    const w = virtualWindow({ scrollTop: 10, viewportHeight: 100, rowHeight: ROW, rowCount: 1000, overscan: 0 });
    assert.deepEqual([w.start, w.end], [0, 3]); // 10..110 touches rows 0, 1 and 2
  });

  it("clamps at the end of 50,000 rows", () => {
    const count = 50_000;
    const w = virtualWindow({ scrollTop: count * ROW, viewportHeight: 800, rowHeight: ROW, rowCount: count, overscan: 8 });
    assert.equal(w.end, count);
    assert.equal(w.start, count - Math.ceil(800 / ROW) - 8);
    assert.equal(w.totalHeight, count * ROW);
  });

  it("clamps scroll positions past either end and bad numbers", () => {
    const base = { viewportHeight: 800, rowHeight: ROW, rowCount: 50_000, overscan: 8 };
    assert.deepEqual(virtualWindow({ ...base, scrollTop: -5000 }), virtualWindow({ ...base, scrollTop: 0 }));
    assert.deepEqual(virtualWindow({ ...base, scrollTop: 1e12 }), virtualWindow({ ...base, scrollTop: 50_000 * ROW }));
    const nan = virtualWindow({ ...base, scrollTop: Number.NaN });
    assert.deepEqual([nan.start, nan.end], [0, Math.ceil(800 / ROW) + 8]);
    const broken = virtualWindow({ scrollTop: 0, viewportHeight: Number.NaN, rowHeight: 0, rowCount: -3, overscan: -1 });
    assert.deepEqual(broken, { start: 0, end: 0, totalHeight: 0 });
  });

  it("handles empty and tiny lists", () => {
    assert.deepEqual(virtualWindow({ scrollTop: 0, viewportHeight: 800, rowHeight: ROW, rowCount: 0, overscan: 8 }), { start: 0, end: 0, totalHeight: 0 });
    assert.deepEqual(virtualWindow({ scrollTop: 500, viewportHeight: 800, rowHeight: ROW, rowCount: 3, overscan: 8 }), { start: 0, end: 3, totalHeight: 132 });
  });

  it("never renders more than 200 rows, however tall the viewport or large the overscan", () => {
    for (const [viewportHeight, overscan] of [
      [100_000, 0],
      [800, 1000],
      [20_000, 50],
    ]) {
      for (const scrollTop of [0, 1234, 25_000 * ROW, 50_000 * ROW]) {
        const w = virtualWindow({ scrollTop, viewportHeight, rowHeight: ROW, rowCount: 50_000, overscan });
        assert.ok(w.end - w.start <= MAX_RENDERED_ROWS, `${w.end - w.start} rows for ${viewportHeight}/${overscan}`);
        assert.ok(w.start >= 0 && w.end <= 50_000 && w.start <= w.end);
        const { first } = visibleRange(scrollTop, viewportHeight, ROW, 50_000);
        assert.ok(first >= w.start && first < w.end, "the first visible row is rendered");
      }
    }
    assert.equal(MAX_RENDERED_ROWS, 200);
    const capped = virtualWindow({ scrollTop: 0, viewportHeight: 800, rowHeight: ROW, rowCount: 50_000, overscan: 100, maxRows: 30 });
    assert.equal(capped.end - capped.start, 30);
  });

  it("sweeps 50,000 rows at every scroll step without gaps", () => {
    const count = 50_000;
    const viewport = 760;
    for (let scrollTop = 0; scrollTop <= count * ROW; scrollTop += 997) {
      const w = virtualWindow({ scrollTop, viewportHeight: viewport, rowHeight: ROW, rowCount: count, overscan: 8 });
      const visible = visibleRange(scrollTop, viewport, ROW, count);
      assert.ok(w.start <= visible.first && w.end >= visible.end);
      assert.ok(w.end - w.start <= 2 * 8 + Math.ceil(viewport / ROW) + 1);
    }
  });

  it("tells when the rendered window still covers a scroll position", () => {
    const w = virtualWindow({ scrollTop: 1000 * ROW, viewportHeight: 440, rowHeight: ROW, rowCount: 50_000, overscan: 8 });
    assert.ok(windowCovers(w, 1000 * ROW, 440, ROW, 50_000));
    assert.ok(windowCovers(w, 1005 * ROW, 440, ROW, 50_000));
    assert.ok(!windowCovers(w, 1009 * ROW, 440, ROW, 50_000));
    assert.ok(!windowCovers(w, 1005 * ROW, 440, ROW, 50_000, 4));
    const end = virtualWindow({ scrollTop: 50_000 * ROW, viewportHeight: 440, rowHeight: ROW, rowCount: 50_000, overscan: 8 });
    assert.ok(windowCovers(end, 50_000 * ROW, 440, ROW, 50_000, 4), "margin is clamped to the list");
  });

  it("computes the scroll position that reveals a row", () => {
    assert.equal(scrollTopToReveal(0, 0, 440, ROW), 0);
    assert.equal(scrollTopToReveal(5, 0, 440, ROW), 0);
    assert.equal(scrollTopToReveal(10, 0, 440, ROW), 11 * ROW - 440);
    assert.equal(scrollTopToReveal(3, 10 * ROW, 440, ROW), 3 * ROW);
    assert.equal(scrollTopToReveal(49_999, 0, 440, ROW), 50_000 * ROW - 440);
  });

  it("moves a page by a viewport minus one row", () => {
    assert.equal(pageStep(440, ROW), 9);
    assert.equal(pageStep(10, ROW), 1);
    assert.equal(pageStep(Number.NaN, ROW), 1);
  });
});
