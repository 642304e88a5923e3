// The runner's handle on the Traffic Events webview: finds its frame in the workbench (the extension's
// webview iframe, then its inner active frame), installs bench/webview/probe.js there and calls into it.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Frame, Page } from "playwright-core";
import { EXTENSION_ID, REPO_ROOT } from "../../test/host/paths";

const PROBE_SOURCE = fs.readFileSync(path.join(REPO_ROOT, "bench", "webview", "probe.js"), "utf8");

export class TrafficWebview {
  private constructor(readonly frame: Frame) {}

  /** Waits for the visible Traffic Events webview and installs the probe in it. */
  static async find(page: Page, timeoutMs = 60_000): Promise<TrafficWebview> {
    const outer = page.locator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"] >> visible=true`).first();
    await outer.waitFor({ state: "attached", timeout: timeoutMs });
    const outerFrame = await (await outer.elementHandle({ timeout: timeoutMs }))?.contentFrame();
    if (!outerFrame) throw new Error("the webview iframe has no frame");
    const inner = await outerFrame.waitForSelector("iframe#active-frame", { state: "attached", timeout: timeoutMs });
    const frame = await inner.contentFrame();
    if (!frame) throw new Error("the webview's active frame is missing");
    await frame.waitForSelector("#traffic-table", { state: "attached", timeout: timeoutMs });
    await frame.evaluate(PROBE_SOURCE);
    return new TrafficWebview(frame);
  }

  /** Calls `window.__nbBench[name](...args)` in the webview and returns its (awaited) result. */
  call<T>(name: string, ...args: unknown[]): Promise<T> {
    return this.frame.evaluate(`window.__nbBench.${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`) as Promise<T>;
  }
}
