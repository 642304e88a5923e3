import * as vscode from "vscode";

/** Composition root: builds the services and registers views and commands. Holds no logic of its own. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel("NetBird", { log: true });
  context.subscriptions.push(log);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
