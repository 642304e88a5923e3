// Reusable helpers for extension-host tests (they run inside VS Code and may import `vscode`).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

import { EXTENSION_ID } from "../host/paths";

export { EXTENSION_ID };

/** The part of package.json the tests read. */
export interface Manifest {
  name: string;
  publisher: string;
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    viewsContainers: { activitybar: Array<{ id: string; title: string }> };
    views: Record<string, Array<{ id: string; name: string }>>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

/** The extension under test (throws if VS Code did not load it). */
export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

/** The extension's package.json as VS Code read it. */
export function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

/** Activates the extension (idempotent) and returns its exports (an exported test API, if any). */
export async function activateExtension<T = unknown>(): Promise<T> {
  const ext = extension();
  const api = (await ext.activate()) as T;
  assert.equal(ext.isActive, true, `${EXTENSION_ID} did not activate`);
  return api;
}

/** Polls `probe` until it returns a truthy value (returned) or `timeoutMs` passes (throws `message`). */
export async function waitFor<T>(probe: () => T | Promise<T>, options: { timeoutMs?: number; intervalMs?: number; message?: string } = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${String(lastError)})` : "";
      throw new Error(`${options.message ?? "condition not met"} within ${timeoutMs} ms${why}`);
    }
    await sleep(intervalMs);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Updates a user (global) setting; `undefined` removes it. Returns a function restoring the old value. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const dot = key.lastIndexOf(".");
  const config = vscode.workspace.getConfiguration(key.slice(0, dot));
  const name = key.slice(dot + 1);
  const previous = config.inspect(name)?.globalValue;
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration(key.slice(0, dot)).update(name, previous, vscode.ConfigurationTarget.Global);
  };
}

/** Closes every editor (use in afterEach so tests do not see each other's documents). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** Waits until a text editor whose document satisfies `match` is active, and returns it. */
export function waitForActiveEditor(match: (doc: vscode.TextDocument) => boolean = () => true, timeoutMs = 10_000): Promise<vscode.TextEditor> {
  return waitFor(
    () => {
      const editor = vscode.window.activeTextEditor;
      return editor && match(editor.document) ? editor : undefined;
    },
    { timeoutMs, message: "no matching active text editor" },
  );
}

