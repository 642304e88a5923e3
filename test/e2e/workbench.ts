// Page object for the VS Code workbench (code-server in Chromium), driven as a user would.
// Selectors and waits follow test/README.md ("UI selectors"). Free of DOM types: only locators.
import * as fs from "node:fs";
import * as path from "node:path";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { EXTENSION_ID } from "../host/paths";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class Workbench {
  private shot = 0;

  /**
   * @param page the workbench page
   * @param screenshotDir where screenshot() writes numbered PNGs (test-results/e2e/<test>/)
   */
  constructor(
    readonly page: Page,
    readonly screenshotDir: string,
  ) {}

  /** Waits until the workbench is restored and the extension's activity-bar entry exists. */
  async waitForReady(timeoutMs = 60_000): Promise<void> {
    const { page } = this;
    await page.locator(".monaco-workbench .part.statusbar").waitFor({ timeout: timeoutMs });
    await page.locator(".part.activitybar .action-item").first().waitFor({ timeout: timeoutMs });
    await page.locator(".monaco-workbench .part.editor").waitFor({ timeout: timeoutMs });
    await this.activityBarEntry("NetBird").waitFor({ timeout: timeoutMs });
  }

  /** The activity-bar entry of a view container, by its title. */
  activityBarEntry(title: string): Locator {
    return this.page.locator(".part.activitybar").locator(`a.action-label[aria-label^="${title}"]`);
  }

  /** Opens the NetBird view container (no-op if already open) and waits for the side bar to show it. */
  async openNetBirdContainer(): Promise<void> {
    const entry = this.activityBarEntry("NetBird");
    const tab = this.page.locator(".part.activitybar li.action-item", { has: this.page.locator('a.action-label[aria-label^="NetBird"]') });
    if ((await tab.getAttribute("aria-selected")) !== "true" && !((await tab.getAttribute("class")) ?? "").includes("checked")) {
      await entry.click();
    }
    await this.page.locator(".part.sidebar .composite.title", { hasText: /NetBird/i }).waitFor();
  }

  /**
   * A view pane by its name (e.g. "Audit Events"). When a container has a single view, VS Code hides
   * that pane's header and shows the name in the side-bar title, but the header stays in the DOM.
   */
  viewPane(viewName: string): Locator {
    return this.page.locator(".part.sidebar .pane", { has: this.page.locator(".pane-header", { hasText: viewName }) });
  }

  /** Tree items of a view pane, one locator each; filter by label with `treeItem()`. */
  treeItemsOf(viewName: string): Locator {
    return this.viewPane(viewName).getByRole("treeitem");
  }

  /** The rendered labels of a view's tree items (only rendered rows: the tree is virtualized). */
  async treeItems(viewName: string): Promise<string[]> {
    return (await this.treeItemsOf(viewName).allInnerTexts()).map((t) => t.replace(/\u00a0/g, " ").trim());
  }

  /** One tree item by its accessible name (the label, or the item's accessibilityInformation). */
  treeItem(viewName: string, name: string | RegExp): Locator {
    return this.viewPane(viewName).getByRole("treeitem", { name });
  }

  /**
   * A button of a view's welcome content by its text (e.g. "Sign In"). Matched on text, not on the
   * accessible name, which starts with the codicon's private-use glyph when the button has an icon.
   */
  welcomeButton(viewName: string, label: string | RegExp): Locator {
    return this.viewPane(viewName).locator(".welcome-view-content .monaco-button", { hasText: label });
  }

  /** The welcome content's text of a view. */
  async welcomeText(viewName: string): Promise<string> {
    return this.viewPane(viewName).locator(".welcome-view-content").innerText();
  }

  /**
   * Runs a command from the palette by its full title, e.g. "NetBird: Refresh Audit Events".
   * Waits for the palette to close before returning (a new F1 too early gets closed by the focus change).
   */
  async runCommand(title: string, options: { timeoutMs?: number } = {}): Promise<void> {
    const timeout = options.timeoutMs ?? 15_000;
    const { widget } = await this.pickCommand(title, timeout);
    await widget.waitFor({ state: "hidden", timeout });
  }

  /**
   * Runs a palette command that opens its own quick input (so the widget never hides in between), and
   * returns once the command's input has replaced the palette's ">" text.
   */
  async startQuickInputCommand(title: string, timeoutMs = 15_000): Promise<void> {
    const { input } = await this.pickCommand(title, timeoutMs);
    await this.waitUntil(async () => !(await input.inputValue()).startsWith(">"), timeoutMs, () => `"${title}" did not open its own input`);
  }

  /** Titles of the command-palette entries matching `filter` (only enabled commands are listed); closes the palette. */
  async paletteCommands(filter: string, timeoutMs = 15_000): Promise<string[]> {
    const { widget } = await this.openPalette(filter, timeoutMs, (w) => w.locator(".monaco-list-row .label-name", { hasText: filter }).first());
    const names = widget.locator(".monaco-list-row .label-name");
    const titles = (await names.allInnerTexts()).map((t) => t.trim());
    await this.page.keyboard.press("Escape");
    await widget.waitFor({ state: "hidden", timeout: timeoutMs });
    return titles;
  }

  /**
   * Opens the command palette (F1) with `>text` typed in and waits until `ready` (a locator in the
   * palette) is visible. A focus change still on its way (an editor opened by the previous step, say)
   * can close a palette that has just opened, and a press of F1 can open nothing; then the palette is
   * opened again, until `timeout`.
   */
  private async openPalette(text: string, timeout: number, ready?: (widget: Locator) => Locator): Promise<{ widget: Locator; input: Locator }> {
    const widget = this.page.locator(".quick-input-widget");
    const input = widget.locator(".quick-input-box input");
    const deadline = Date.now() + timeout;
    const left = (cap: number) => Math.max(1, Math.min(cap, deadline - Date.now()));
    let firstError: unknown;
    for (;;) {
      try {
        await this.page.keyboard.press("F1");
        // A key press the workbench did not take (busy, or focus on its way) opens nothing: press again.
        await input.waitFor({ state: "visible", timeout: left(5_000) });
        await input.fill(`>${text}`, { timeout: left(2_000) });
        if (!ready) return { widget, input };
        const target = ready(widget);
        await this.waitUntil(
          async () => (await target.isVisible()) || !(await widget.isVisible()),
          left(timeout),
          () => `the command palette never listed "${text}"`,
        );
        if (await target.isVisible()) return { widget, input };
      } catch (error) {
        // Only a wait that ran out is worth another try (the palette closed under it); a closed page is not.
        if (!(error instanceof Error && error.name === "TimeoutError")) throw error;
        firstError ??= error;
      }
      if (Date.now() >= deadline) throw firstError ?? new Error(`the command palette did not stay open for "${text}"`);
    }
  }

  /** Opens the palette and clicks the command with exactly this title. */
  private async pickCommand(title: string, timeout: number): Promise<{ widget: Locator; input: Locator }> {
    const label = this.page.locator(".label-name", { hasText: new RegExp(`^${escapeRegExp(title)}$`) });
    const row = (widget: Locator) => widget.locator(".monaco-list-row", { has: label }).first();
    const palette = await this.openPalette(title, timeout, row);
    await row(palette.widget).click();
    return palette;
  }

  /** Polls `probe` every 50 ms until it holds; after `timeoutMs`, throws a TimeoutError saying `message()`. */
  async waitUntil(probe: () => Promise<boolean>, timeoutMs: number, message: () => Promise<string> | string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) {
        const error = new Error(await message());
        error.name = "TimeoutError";
        throw error;
      }
      await this.page.waitForTimeout(50);
    }
  }

  /** Answers an open quick input (input box or quick pick): types `text` and presses Enter. */
  async answerQuickInput(text: string, options: { timeoutMs?: number } = {}): Promise<void> {
    const widget = this.page.locator(".quick-input-widget");
    const input = widget.locator(".quick-input-box input");
    await input.waitFor({ state: "visible", timeout: options.timeoutMs ?? 15_000 });
    await input.fill(text);
    await input.press("Enter");
  }

  /**
   * Answers VS Code's save dialog (in the browser: a quick input holding the path). Waits until the
   * dialog has put its own default path in (it does so after listing the folder, which can take a while
   * on a loaded machine and would overwrite anything typed earlier), then types `file` and accepts it.
   */
  async answerSaveDialog(title: string, file: string, defaultName: RegExp, timeoutMs = 30_000): Promise<void> {
    const widget = this.page.locator(".quick-input-widget");
    await widget.locator(".quick-input-title", { hasText: title }).waitFor({ timeout: timeoutMs });
    const input = widget.locator(".quick-input-box input");
    await this.waitUntil(
      async () => defaultName.test(await input.inputValue()),
      timeoutMs,
      async () => `the save dialog never showed its default name (${String(defaultName)}): "${await input.inputValue()}"`,
    );
    await input.fill(file);
    // The dialog filters its list as you type; let it settle, and type again if it changed the value.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await this.page.waitForTimeout(400);
      if ((await input.inputValue()) === file) break;
      await input.fill(file);
    }
    const value = await input.inputValue();
    if (value !== file) throw new Error(`the save dialog did not keep the typed path: "${value}"`);
    await input.press("Enter");
    await widget.waitFor({ state: "hidden", timeout: timeoutMs });
  }

  /** Signs in as a user does: "NetBird: Sign In…", type the token into the password box, wait for the confirmation. */
  async signIn(token: string): Promise<void> {
    await this.startQuickInputCommand("NetBird: Sign In…");
    await this.answerQuickInput(token);
    await this.waitForToast(/Signed in to NetBird as/);
  }

  /** Text of the active editor's rendered lines (virtualized: fine for short documents). */
  async activeEditorText(): Promise<string> {
    const lines = this.page.locator(".editor-group-container.active .monaco-editor .view-lines");
    await lines.first().waitFor();
    return (await lines.first().innerText()).replace(/\u00a0/g, " ");
  }

  /** Title of the active editor tab. */
  async activeTabTitle(): Promise<string> {
    return (await this.page.locator(".editor-group-container.active .tab.active .label-name").first().innerText()).trim();
  }

  /** The language mode shown in the status bar (e.g. "JSON"). */
  async languageStatus(): Promise<string> {
    return (await this.page.locator('.statusbar-item[id="status.editor.mode"]').innerText()).trim();
  }

  /** The extension's visible webview (the inner frame holding its HTML). */
  webview(extensionId = EXTENSION_ID): FrameLocator {
    return this.page
      .frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"] >> visible=true`)
      .frameLocator("iframe#active-frame");
  }

  /** Messages of the toasts on screen (toasts are hidden under the smoke-test driver). */
  async toasts(): Promise<string[]> {
    return this.page.locator(".notification-toast .notification-list-item-message").allInnerTexts();
  }

  /** Waits for a toast whose message matches, and returns its locator. */
  async waitForToast(message: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
    const toast = this.page.locator(".notification-toast", { has: this.page.locator(".notification-list-item-message", { hasText: message }) }).first();
    await toast.waitFor({ state: "visible", timeout: timeoutMs });
    return toast;
  }

  /** Messages of all notifications, read from the notification center (works in both modes); closes it again. */
  async notifications(): Promise<string[]> {
    const center = this.page.locator(".notifications-center");
    if (!(await center.isVisible())) {
      await this.runCommand("Notifications: Show Notifications");
      try {
        await center.waitFor({ state: "visible", timeout: 5_000 });
      } catch {
        // Seen on a loaded machine: the center did not open from the palette; the status-bar bell opens it.
        await this.page.locator('.part.statusbar .statusbar-item[id="status.notifications"]').click();
        await center.waitFor({ state: "visible" });
      }
    }
    const messages = await center.locator(".notification-list-item .notification-list-item-message").allInnerTexts();
    await this.runCommand("Notifications: Hide Notifications").catch(() => this.page.keyboard.press("Escape"));
    return messages;
  }

  /** Saves a numbered full-page PNG into the screenshot folder, prints and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    this.shot += 1;
    const file = path.join(this.screenshotDir, `${String(this.shot).padStart(2, "0")}-${name.replace(/[^\w.-]+/g, "-")}.png`);
    await this.page.screenshot({ path: file });
    console.log(`      [screenshot] ${path.relative(process.cwd(), file)}`);
    return file;
  }
}
