import * as vscode from "vscode";
import { autoRefreshIntervalMs, nextRefreshDelayMs } from "../core/audit/autoRefreshInterval";
import type { AuditEventsController } from "./auditEventsController";

/**
 * Opt-in auto-refresh (`netbird.auditEvents.autoRefreshInterval`): runs only while the view is visible and
 * the window focused; never overlaps a running load; backs off (doubling, up to 10 min) after rate limits
 * and failures.
 */
export class AutoRefresh implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoff = 1;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly controller: AuditEventsController,
    private readonly view: vscode.TreeView<unknown>,
  ) {
    this.subscriptions.push(
      view.onDidChangeVisibility(() => this.schedule()),
      vscode.window.onDidChangeWindowState(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("netbird.auditEvents.autoRefreshInterval")) this.schedule();
      }),
    );
    this.schedule();
  }

  private intervalMs(): number {
    return autoRefreshIntervalMs(vscode.workspace.getConfiguration("netbird").get<number>("auditEvents.autoRefreshInterval", 0));
  }

  private active(): boolean {
    return this.intervalMs() > 0 && this.view.visible && vscode.window.state.focused;
  }

  /** (Re)arms the timer for the next refresh, or stops it when auto-refresh should not run. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.active()) return;
    const delay = nextRefreshDelayMs(this.intervalMs(), this.backoff);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.active()) return;
    if (this.controller.viewState !== "signedOut") {
      await this.controller.refresh();
      const error = this.controller.lastError;
      this.backoff = error && (error.kind === "rateLimited" || error.kind === "serverError" || error.kind === "network" || error.kind === "timeout") ? Math.min(this.backoff * 2, 16) : 1;
    }
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
