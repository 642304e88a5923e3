import * as fs from "node:fs";
import * as path from "node:path";
import { TOKENS } from "../../simulator/server";
import { REPO_ROOT } from "../host/paths";
import { startE2eHost, type E2eHost } from "./e2eHost";

/**
 * The README's screenshots, taken in the real workbench in a light and a dark theme: the welcome view, the
 * Audit Events tree with an event's JSON, and the Traffic Events panel with filters. They are written to
 * test-results/e2e/readme-<theme>/ and copied to media/screenshots/ (which the README shows and the .vsix
 * leaves out). They take about a minute and a half, so they run only when asked for: UPDATE_SCREENSHOTS=1.
 */
const wanted = process.env.UPDATE_SCREENSHOTS === "1";
for (const [theme, suffix] of [
  ["Default Light Modern", "light"],
  ["Default Dark Modern", "dark"],
] as const) {
  (wanted ? describe : describe.skip)(`README screenshots (${suffix} theme)`, () => {
    let host: E2eHost;
    const view = "Audit Events";
    const keep = (file: string, name: string) => {
      const target = path.join(REPO_ROOT, "media", "screenshots", `${name}-${suffix}.png`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      console.log(`      [readme] ${path.relative(REPO_ROOT, target)}`);
    };

    before(async () => {
      host = await startE2eHost({
        name: `readme-${suffix}`,
        simulator: { seed: 2026, auditCount: 4000, trafficCount: 20000 },
        settings: { "workbench.colorTheme": theme },
      });
      await host.page.setViewportSize({ width: 1280, height: 760 });
    });
    after(async () => {
      await host?.close();
    });

    it("the welcome view, the tree with an event's JSON, and the traffic panel with filters", async () => {
      const wb = host.workbench;
      await wb.openNetBirdContainer();
      await wb.welcomeButton(view, /^Sign In/).waitFor({ timeout: 15_000 });
      keep(await wb.screenshot("welcome"), "welcome");

      await wb.welcomeButton(view, /^Sign In/).click();
      await wb.answerQuickInput(TOKENS.owner);
      // The second event row (level 2 of the tree): early in the day, the third row can be the next day.
      const eventRows = wb.treeItemsOf(view).and(host.page.locator('[aria-level="2"]'));
      await eventRows.nth(1).waitFor({ timeout: 20_000 });
      await eventRows.nth(1).click();
      await host.page.locator(".editor-group-container.active .tab.active", { hasText: /audit-\d+/ }).waitFor();
      await host.page.locator(".notification-toast").first().waitFor({ state: "hidden", timeout: 15_000 }).catch(() => undefined);
      keep(await wb.screenshot("audit-tree-json"), "audit-tree-json");

      await wb.runCommand("View: Close All Editors");
      await wb.runCommand("NetBird: Browse Traffic Events");
      const web = wb.webview();
      await web.locator('body[data-state="ready"]').waitFor({ state: "attached", timeout: 20_000 });
      await web.getByLabel("From", { exact: true }).selectOption("last7d");
      await web.getByLabel("Direction", { exact: true }).selectOption("EGRESS");
      await web.locator('body[data-state="ready"]').waitFor({ state: "attached", timeout: 20_000 });
      await host.page.waitForTimeout(500);
      keep(await wb.screenshot("traffic"), "traffic");
    });
  });
}
