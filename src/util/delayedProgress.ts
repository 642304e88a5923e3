import * as vscode from "vscode";
import { showIfSlow } from "../core/showIfSlow";

/** How long a request runs before its view shows a progress bar (VS Code's own workbench delays its progress by 250–800 ms). */
export const PROGRESS_DELAY_MS = 250;

/**
 * `work`, with the view's progress bar shown only once it has run for `delayMs`: a request answered sooner does
 * not flash the bar, nor send the workbench the messages that start and end it while its answer is read.
 */
export function withDelayedViewProgress<T>(viewId: string, work: Promise<T>, delayMs = PROGRESS_DELAY_MS): Promise<T> {
  return showIfSlow(work, delayMs, (running) => vscode.window.withProgress({ location: { viewId } }, () => running.then(noop, noop)));
}

function noop(): void {
  // the caller handles the outcome
}
