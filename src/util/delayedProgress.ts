import * as vscode from "vscode";

/** How long work runs before its view shows a progress bar (VS Code waits 250–800 ms for its own views and editors). */
export const PROGRESS_DELAY_MS = 250;

/**
 * `work`, with the view's progress bar shown only once it has run for `delayMs`: a refresh that is done sooner
 * does not flash the bar, nor send the workbench the messages that start and end it in the middle of its work.
 */
export function withDelayedViewProgress<T>(viewId: string, work: Promise<T>, delayMs = PROGRESS_DELAY_MS): Promise<T> {
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: { viewId } }, () => work.then(noop, noop));
  }, delayMs);
  return work.finally(() => clearTimeout(timer));
}

function noop(): void {
  // the caller handles the outcome
}
