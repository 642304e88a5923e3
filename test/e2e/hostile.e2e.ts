// Hostile data in the real workbench (the packaged .vsix in code-server + Chromium, as a user sees it):
// the audit tree and its tooltip, and the Traffic Events webview with a canary for anything the page
// executes or loads. Data: the simulator's `hostile` dataset (HOSTILE_STRINGS in every string field).
import * as assert from "node:assert/strict";
import type { Frame, FrameLocator } from "playwright-core";
import { TOKENS } from "../../simulator/server";
import { REPO_ROOT } from "../host/paths";
import { caseTitle } from "../integration/reliability/catalogue";
import { recordCaseResults } from "../integration/reliability/results";
import { startE2eHost, type E2eHost } from "./e2eHost";
import { endOfRecentBusyDay } from "../support/busyDay";

/** Elements a page only has when data was turned into markup (or a script made them). */
const FORBIDDEN_TAGS = ["IMG", "IFRAME", "OBJECT", "EMBED", "A", "B", "FORM", "VIDEO", "AUDIO", "SVG", "MATH", "BASE"];

/** Runs in the webview's page (a string, so the test needs no DOM types): tags, on* attributes, scripts. */
const DOM_CENSUS = `(() => {
  const all = [...document.querySelectorAll("*")];
  const tags = {};
  for (const e of all) tags[e.tagName] = (tags[e.tagName] || 0) + 1;
  const handlers = all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + "[" + a.name + "]"));
  const scripts = [...document.scripts].map((s) => ({ src: s.getAttribute("src") || "", inline: s.textContent || "", nonce: s.nonce ? "yes" : "" }));
  const sources = all.filter((e) => e.hasAttribute("src") || e.hasAttribute("href")).map((e) => e.tagName + " " + (e.getAttribute("src") || e.getAttribute("href")));
  const styles = [...document.querySelectorAll("style")].map((e) => e.id || "(no id)");
  return { tags, handlers, scripts, sources, styles, text: document.body.innerText };
})()`;

/** Tries to run an inline script and load an image the page's CSP does not allow; reports what happened. */
const CSP_CANARY = `(async () => {
  const violations = [];
  const onViolation = (e) => violations.push(e.violatedDirective);
  document.addEventListener("securitypolicyviolation", onViolation);
  const script = document.createElement("script");
  script.textContent = "window.__netbirdCanary = 'ran'";
  document.body.appendChild(script);
  const img = document.createElement("img");
  img.src = "http://127.0.0.1:9/netbird-canary.png";
  document.body.appendChild(img);
  // Violation events come as later tasks (the image's once its load starts): wait for both, up to 5 s.
  for (let waited = 0; waited < 5000 && !(violations.some((d) => d.startsWith("script-src")) && violations.some((d) => d.startsWith("img-src"))); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  document.removeEventListener("securitypolicyviolation", onViolation);
  script.remove();
  img.remove();
  return { ran: window.__netbirdCanary === "ran", violations };
})()`;

interface Census {
  tags: Record<string, number>;
  handlers: string[];
  scripts: { src: string; inline: string; nonce: string }[];
  sources: string[];
  styles: string[];
  text: string;
}

describe("hostile data in the real workbench", () => {
  let host: E2eHost;
  const requests: string[] = [];
  const responses: string[] = [];
  const failures: string[] = [];
  const consoleLines: string[] = [];
  recordCaseResults(() => REPO_ROOT, "e2e-hostile.json");

  before(async () => {
    // The server's clock at the end of a recent weekday: the newest day then holds several events at any hour (early
    // in the day, today's may be one, and the tooltip step needs a second event row).
    host = await startE2eHost({ name: "hostile", simulator: { seed: 3, dataset: "hostile", auditCount: 300, trafficCount: 900, now: endOfRecentBusyDay() } });
    host.context.on("request", (r) => requests.push(r.url()));
    host.context.on("response", (r) => responses.push(r.url()));
    host.context.on("requestfailed", (r) => failures.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
    host.page.on("console", (m) => consoleLines.push(m.text()));
    const wb = host.workbench;
    await wb.signIn(TOKENS.owner);
  });
  after(async () => {
    await host?.close();
  });

  it(caseTitle("H08"), async () => {
    const wb = host.workbench;
    const view = "Audit Events";
    await wb.openNetBirdContainer();
    await wb.treeItemsOf(view).nth(3).waitFor({ timeout: 20_000 });
    const pane = wb.viewPane(view);
    const rows = pane.locator(".monaco-list-row");
    const labels = (await rows.allInnerTexts()).join("\n");
    // Which corpus strings land in the newest day depends on the time of day: accept any of them, as text.
    assert.ok(
      /<script>|<img |<\/style>|\[click\]\(command:|\$\(alert\)|=HYPERLINK|@SUM|\+cmd\||```|javascript:/.test(labels),
      `hostile strings are shown as text: ${labels.slice(0, 400)}`,
    );
    // Nothing from the data became markup or an icon: only the item's own codicon per row.
    const labelParts = rows.locator(".monaco-icon-label-container");
    assert.ok((await labelParts.count()) > 3);
    assert.equal(await labelParts.locator("img, a[href], script, style, iframe, b, strong, em, code").count(), 0, "no element made from data in a label");
    assert.equal(await labelParts.locator(".codicon").count(), 0, "no codicon rendered from a label");
    await wb.screenshot("hostile-tree");
    // The tooltip of an event: rendered Markdown, with every value as literal text.
    const event = rows.filter({ hasNot: host.page.locator(".monaco-tl-twistie.collapsible") }).nth(1);
    await event.hover();
    const hover = host.page.locator(".monaco-hover:visible, .workbench-hover:visible").last();
    // The extension fills the tooltip in on demand: VS Code shows "Loading..." until it arrives.
    await hover.getByText(/Activity:/).first().waitFor({ timeout: 10_000 });
    const html = await hover.evaluate((e: { outerHTML: string }) => e.outerHTML);
    const text = await hover.innerText();
    assert.match(text, /Activity:/, text.slice(0, 300));
    assert.doesNotMatch(html, /<(img|script|iframe|style)\b/i, html.slice(0, 600));
    assert.doesNotMatch(html, /href="(command|javascript):/i, "no command or script link");
    assert.ok(!(await hover.locator("a[href^='command:'], a[data-href^='command:']").count()), "no clickable command link");
    await wb.screenshot("hostile-tooltip");
    await host.page.mouse.move(5, 5);
  });

  it(caseTitle("H07"), async () => {
    const wb = host.workbench;
    const before = requests.length;
    const consoleBefore = consoleLines.length;
    await wb.runCommand("NetBird: Browse Traffic Events");
    const web: FrameLocator = wb.webview();
    await web.locator('body[data-state="ready"]').waitFor({ state: "attached", timeout: 30_000 });
    await web.locator('#traffic-table .tbody [role="row"]').nth(5).waitFor();
    const frame = (await (await web.locator("body").elementHandle())?.ownerFrame()) as Frame | null;
    assert.ok(frame, "the webview's frame");

    const check = async (when: string): Promise<Census> => {
      const census = (await frame.evaluate(DOM_CENSUS)) as Census;
      for (const tag of FORBIDDEN_TAGS) assert.equal(census.tags[tag] ?? 0, 0, `${when}: a <${tag.toLowerCase()}> element in the page`);
      assert.deepEqual(census.handlers, [], `${when}: inline event handlers`);
      // VS Code's own default styles for every webview are the only <style> element.
      assert.deepEqual(census.styles, ["_defaultStyles"], `${when}: <style> elements`);
      // VS Code's own acquireVsCodeApi shim (injected into every webview) and the bundle, nothing else.
      const [shim, ...rest] = census.scripts.filter((c) => c.src === "");
      assert.ok(shim?.inline.includes("globalThis.acquireVsCodeApi = (function()") && rest.length === 0, `${when}: inline scripts ${JSON.stringify(census.scripts).slice(0, 300)}`);
      const bundles = census.scripts.filter((c) => c.src !== "");
      assert.equal(bundles.length, 1, `${when}: scripts ${bundles.map((b) => b.src).join(", ")}`);
      assert.match(bundles[0]?.src ?? "", /\/dist\/webview\/traffic\.js$/);
      assert.equal(bundles[0]?.nonce, "yes", "the bundle runs by its nonce");
      for (const source of census.sources) assert.match(source, /^(SCRIPT|LINK) .*\/dist\/webview\//, `${when}: a resource from outside the bundle: ${source}`);
      return census;
    };
    const first = await check("first page");
    assert.ok(/<script>alert\(1\)<\/script>|<img src=x onerror=alert\(1\)>|\[click\]\(command:/.test(first.text), "hostile strings are shown as text");
    await wb.screenshot("hostile-traffic");
    // The row actions menu shows data too.
    await web.locator('#traffic-table .tbody [role="row"]').first().getByRole("button", { name: /^Actions for flow/ }).click();
    await web.getByRole("menuitem", { name: "Open JSON" }).waitFor();
    await check("with the row menu open");
    await host.page.keyboard.press("Escape");
    // Scroll through the page so every row's data is painted once, then look again.
    for (let i = 0; i < 8; i++) {
      await frame.evaluate(`document.getElementById("table-scroller").scrollTop += 2000`);
      await host.page.waitForTimeout(100);
    }
    await check("after scrolling");

    // Nothing the page did reached the network: only the extension's own bundle was requested.
    const made = requests.slice(before);
    const foreign = made.filter((u) => /example\.invalid|evil|onerror|\/x$|\/x\?|javascript:/i.test(u));
    assert.deepEqual(foreign, [], "requests caused by data");
    assert.deepEqual(host.blockedRequests.filter((u) => !/^https:\/\/[^/]*vscode-cdn\.net\//.test(u)), [], "requests that tried to leave the machine");
    const refused = consoleLines.slice(consoleBefore).filter((l) => /Content Security Policy|Refused to/i.test(l));
    assert.deepEqual(refused, [], "no CSP violation caused by data");

    // The canary: an inline script and an outside image are blocked by the page's CSP.
    const canary = (await frame.evaluate(CSP_CANARY)) as { ran: boolean; violations: string[] };
    assert.equal(canary.ran, false, "an inline script ran");
    assert.ok(canary.violations.some((v) => v.startsWith("script-src")), `script-src violation: ${canary.violations.join(", ")}`);
    assert.ok(canary.violations.some((v) => v.startsWith("img-src")), `img-src violation: ${canary.violations.join(", ")}`);
    // Chromium reports the attempt, then blocks it: no response ever arrives.
    assert.ok(!responses.some((u) => u.includes("netbird-canary.png")), "the blocked image got a response");
    const blocked = failures.filter((f) => f.includes("netbird-canary.png"));
    assert.ok(blocked.length === 0 || blocked.every((f) => /BLOCKED_BY_CSP|csp/i.test(f)), `the canary image failed for another reason: ${blocked.join(" | ")}`);
  });
});
