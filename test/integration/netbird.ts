// Shared steps of the feature tests: the extension's test API, signing in through the real command
// (with the input box answered), and dialogs stubbed so the suite never blocks on UI.
import * as vscode from "vscode";
import type { NetBirdEventsApi } from "../../src/testApi";
import { token } from "./env";
import { activateExtension, waitFor } from "./helpers";

export async function api(): Promise<NetBirdEventsApi> {
  return activateExtension<NetBirdEventsApi>();
}

type Stubbable = "showInputBox" | "withProgress" | "showErrorMessage" | "showInformationMessage" | "showWarningMessage" | "showQuickPick" | "showSaveDialog";

/** Replaces window functions for one test; `restore()` puts the real ones back. Records every call. */
export class WindowStubs {
  readonly calls: { fn: Stubbable; args: unknown[] }[] = [];
  private readonly originals = new Map<Stubbable, unknown>();

  stub<K extends Stubbable>(fn: K, impl: (...args: unknown[]) => unknown): this {
    const win = vscode.window as unknown as Record<string, unknown>;
    if (!this.originals.has(fn)) this.originals.set(fn, win[fn]);
    win[fn] = (...args: unknown[]) => {
      this.calls.push({ fn, args });
      return impl(...args);
    };
    return this;
  }

  /** Messages passed to show*Message so far. */
  messages(fn: "showErrorMessage" | "showInformationMessage" | "showWarningMessage"): string[] {
    return this.calls.filter((c) => c.fn === fn).map((c) => String(c.args[0]));
  }

  restore(): void {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const [fn, original] of this.originals) win[fn] = original;
    this.originals.clear();
  }
}


/** Signs in through `netbird.signIn`, answering its password box with the named simulator token. */
export async function signInAs(role = "owner"): Promise<void> {
  const stubs = new WindowStubs()
    .stub("showInputBox", async () => token(role))
    .stub("showInformationMessage", async () => undefined)
    .stub("showErrorMessage", async () => undefined);
  try {
    await vscode.commands.executeCommand("netbird.signIn");
  } finally {
    stubs.restore();
  }
  const nb = await api();
  await waitFor(() => nb.sessionState() === "signedIn", { message: `not signed in as ${role}` });
}

export async function signOut(): Promise<void> {
  const stubs = new WindowStubs().stub("showInformationMessage", async () => undefined);
  try {
    await vscode.commands.executeCommand("netbird.signOut");
  } finally {
    stubs.restore();
  }
}

/** Refreshes the audit events and waits for the load to finish. */
export async function refreshAudit(): Promise<void> {
  const stubs = new WindowStubs().stub("showErrorMessage", async () => undefined);
  try {
    await vscode.commands.executeCommand("netbird.audit.refresh");
    await (await api()).auditIdle();
  } finally {
    stubs.restore();
  }
}
