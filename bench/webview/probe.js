/* global window, document, performance, requestAnimationFrame, MutationObserver, PerformanceObserver, MessageChannel, Event */
// In-page probe of the Traffic Events webview, evaluated by the bench runner (bench/webview/webview.ts) in the
// webview's own frame with Playwright. Plain browser JavaScript (the bench's TypeScript has no DOM types);
// it only reads the page and drives its controls the way a user does (set a value, fire `change`).
// Everything is timed with the page's own clock; "painted" = the frame after the DOM change was produced.
(() => {
  if (window.__nbBench) return "already installed";
  const $ = (selector) => document.querySelector(selector);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  /** Resolves after the next frame has been painted: rAF runs before the paint, a posted task after it. */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  const tbody = () => $("#traffic-table .tbody");
  const rowCount = () => tbody()?.children.length ?? 0;

  // The most row elements the table ever had (pooled hidden rows included), whatever the bench did.
  const stats = { maxRows: rowCount(), paints: 0, lastState: document.body.dataset.state };
  new MutationObserver(() => {
    stats.maxRows = Math.max(stats.maxRows, rowCount());
  }).observe(document.body, { childList: true, subtree: true });
  // Counts settled results: the body's data-state leaving "loading" for a result state.
  const stateListeners = new Set();
  new MutationObserver(() => {
    const state = document.body.dataset.state;
    if (state === stats.lastState) return;
    const from = stats.lastState;
    stats.lastState = state;
    if (from === "loading" && state !== "loading") stats.paints++;
    for (const listener of stateListeners) listener(state, from);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-state"] });

  // When the last `page` message arrived (capture phase: before the page's own handler runs).
  let lastPageAt = 0;
  window.addEventListener(
    "message",
    (event) => {
      if (event.data && event.data.type === "page") lastPageAt = performance.now();
    },
    true,
  );

  const expectRows = (n) => $("#traffic-table")?.getAttribute("aria-rowcount") === String(n + 1);

  /** Waits until the panel shows a result (ready/empty/error) with `rows` rows, then until it is painted. */
  const settled = (rows, timeoutMs) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const check = () => {
        const state = document.body.dataset.state;
        if (state === "loading") return false;
        if (state !== "ready" && state !== "empty") {
          done();
          reject(new Error(`the panel shows "${state}": ${$("#status")?.textContent ?? ""}`));
          return true;
        }
        if (rows !== undefined && !expectRows(rows)) return false;
        done();
        void afterPaint().then(resolve);
        return true;
      };
      const observer = new MutationObserver(() => check());
      const timer = window.setTimeout(() => {
        done();
        reject(new Error(`no result with ${rows} rows after ${Math.round(performance.now() - started)} ms (state ${document.body.dataset.state})`));
      }, timeoutMs);
      const done = () => {
        observer.disconnect();
        window.clearTimeout(timer);
      };
      observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-state", "aria-rowcount"] });
      // A state change made before we looked is not missed.
      if (document.body.dataset.state !== "loading") window.setTimeout(() => check(), 0);
    });

  const setControl = (id, value) => {
    const control = document.getElementById(id);
    if (!control) throw new Error(`no control #${id}`);
    control.value = String(value);
    control.dispatchEvent(new Event("change", { bubbles: true }));
  };

  window.__nbBench = {
    value: (id) => document.getElementById(id)?.value,
    stats: () => ({ ...stats, rows: rowCount(), state: document.body.dataset.state }),
    resetStats: () => {
      stats.maxRows = rowCount();
      stats.paints = 0;
    },
    /**
     * Filter change → rows painted: sets a control as a user commits it and times until the frame with the
     * first rows (`ms`; a big page comes in two parts) and until the frame with all `rows` rows (`allMs`).
     */
    async change(id, value, rows, timeoutMs = 120000) {
      const control = document.getElementById(id);
      if (control && control.value === String(value)) throw new Error(`#${id} already is ${value}`);
      const started = performance.now();
      setControl(id, value);
      if (document.body.dataset.state !== "loading") throw new Error("the change did not start a query");
      lastPageAt = 0;
      const first = await settled(undefined, timeoutMs);
      const messageMs = lastPageAt ? lastPageAt - started : undefined;
      const all = await settled(rows, timeoutMs);
      return { ms: first - started, allMs: all - started, messageMs, rows: rowCount() };
    },
    /** Clicks a button (e.g. #next-page) and times until the frame with `rows` rows. */
    async click(id, rows, timeoutMs = 120000) {
      const button = document.getElementById(id);
      if (!button || button.disabled) throw new Error(`#${id} is missing or disabled`);
      const started = performance.now();
      button.click();
      lastPageAt = 0;
      const painted = await settled(rows, timeoutMs);
      return { ms: painted - started, rows: rowCount(), page: $("#page-label")?.textContent ?? "" };
    },
    /** Waits for the current query's rows to be painted (no timing). */
    async waitSettled(rows, timeoutMs = 120000) {
      await settled(rows, timeoutMs);
      return window.__nbBench.stats();
    },
    /**
     * Scrolls the table from the top to the end in steps of `step` px, one step per frame (every step jumps
     * past the rendered window, so every frame repaints the visible rows), then jumps back to the top and
     * to the end as a scrollbar drag does. Long tasks (>50 ms) are observed in this page meanwhile.
     */
    async scrollEndToEnd(frames = 300) {
      const scroller = $("#table-scroller");
      if (!scroller) throw new Error("no table");
      const longTasks = [];
      /** When each long task started (the page's clock), to tell when in the scroll it came. */
      const longTaskStarts = [];
      const supported = PerformanceObserver.supportedEntryTypes.includes("longtask");
      const observer = supported
        ? new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              longTasks.push(Math.round(entry.duration));
              longTaskStarts.push(entry.startTime);
            }
          })
        : undefined;
      observer?.observe({ type: "longtask" });
      scroller.scrollTop = 0;
      await nextFrame();
      await nextFrame();
      const max = scroller.scrollHeight - scroller.clientHeight;
      const step = Math.max(1, Math.ceil(max / frames));
      let last = performance.now();
      let maxGap = 0;
      let count = 0;
      const gaps = [];
      const started = last;
      while (scroller.scrollTop < max - 1) {
        scroller.scrollTop = Math.min(max, scroller.scrollTop + step);
        const now = await nextFrame();
        gaps.push(now - last);
        maxGap = Math.max(maxGap, now - last);
        last = now;
        count++;
        if (count > frames * 3) break;
      }
      const endReached = scroller.scrollTop >= max - 1;
      const lastRow = Math.max(...[...(tbody()?.children ?? [])].filter((r) => !r.hidden).map((r) => Number(r.getAttribute("aria-rowindex") ?? 0)));
      for (const target of [0, max, 0]) {
        scroller.scrollTop = target;
        const now = await nextFrame();
        maxGap = Math.max(maxGap, now - last);
        last = now;
      }
      await afterPaint();
      await new Promise((resolve) => window.setTimeout(resolve, 100));
      observer?.disconnect();
      gaps.sort((a, b) => a - b);
      return {
        frames: count,
        stepPx: step,
        scrollHeight: scroller.scrollHeight,
        durationMs: last - started,
        maxFrameGapMs: maxGap,
        p95FrameGapMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
        longTasks,
        longTaskStarts: longTaskStarts.map((t) => Math.round(t - started)),
        longTasksSupported: supported,
        endReached,
        lastRowIndex: lastRow,
        maxRows: stats.maxRows,
      };
    },
    /**
     * `count` committed filter changes, `intervalMs` apart, on the control `id` (each value distinct); then
     * waits for the last result. Reports how many results were painted during the burst and after it.
     */
    async rapidChanges(id, values, intervalMs, timeoutMs = 60000) {
      const paintsBefore = stats.paints;
      const paintedValues = [];
      const listener = (state, from) => {
        if (from === "loading" && state !== "loading") paintedValues.push(document.getElementById(id)?.value);
      };
      stateListeners.add(listener);
      const started = performance.now();
      try {
        for (let i = 0; i < values.length; i++) {
          const due = started + i * intervalMs;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => window.setTimeout(resolve, wait));
          setControl(id, values[i]);
        }
        const burstMs = performance.now() - started;
        const paintsDuringBurst = stats.paints - paintsBefore;
        await settled(undefined, timeoutMs);
        return {
          changes: values.length,
          burstMs,
          totalMs: performance.now() - started,
          paintsDuringBurst,
          paints: stats.paints - paintsBefore,
          paintedValues,
          finalValue: document.getElementById(id)?.value,
          finalState: document.body.dataset.state,
          rows: Number($("#traffic-table")?.getAttribute("aria-rowcount") ?? 1) - 1,
        };
      } finally {
        stateListeners.delete(listener);
      }
    },
  };
  return "installed";
})();
