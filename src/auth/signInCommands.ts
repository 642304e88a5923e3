import * as vscode from "vscode";
import { describeError, isCancelled, ApiError } from "../core/api/errors";
import type { Connection } from "../connection/connection";
import type { Session } from "./session";

/** Cheap format pre-check of a NetBird personal access token: `nbp_` + 36 characters. */
export function patFormatProblem(value: string): string | undefined {
  const token = value.trim();
  if (token === "") return undefined;
  if (!token.startsWith("nbp_")) return "NetBird personal access tokens start with nbp_ (create one under Team → Users or Service Users).";
  if (token.length !== 40) return `A NetBird personal access token has 40 characters; this one has ${token.length}.`;
  if (!/^nbp_[A-Za-z0-9]{36}$/.test(token)) return "The token contains characters a NetBird token never has (only letters and digits follow nbp_).";
  return undefined;
}

/** `netbird.signIn` and `netbird.signOut`. */
export function registerSignInCommands(context: vscode.ExtensionContext, session: Session, connection: Connection): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("netbird.signIn", () => signIn(session, connection)),
    vscode.commands.registerCommand("netbird.signOut", async () => {
      await session.signOut();
      void vscode.window.showInformationMessage("Signed out of NetBird. The token was removed from this computer's secret storage.");
    }),
  );
}

async function signIn(session: Session, connection: Connection, previous = ""): Promise<void> {
  try {
    connection.getClient();
  } catch (error) {
    const choice = await vscode.window.showErrorMessage(`NetBird: ${describeError(error)}`, "Open Settings");
    if (choice) await vscode.commands.executeCommand("workbench.action.openSettings", "netbird.managementUrl");
    return;
  }
  const token = await vscode.window.showInputBox({
    title: "NetBird: Sign In",
    prompt: `Paste a personal access token for ${connection.managementUrl}. Create one in the NetBird dashboard under Team → Users (your user) or Service Users.`,
    placeHolder: "nbp_…",
    password: true,
    ignoreFocusOut: true,
    value: previous,
    validateInput: (value) => {
      const problem = patFormatProblem(value);
      return problem ? { message: problem, severity: vscode.InputBoxValidationSeverity.Error } : undefined;
    },
  });
  if (token === undefined || token.trim() === "") return;
  try {
    const user = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the token with ${connection.managementUrl}…`, cancellable: true },
      (_progress, cancel) => {
        const controller = new AbortController();
        cancel.onCancellationRequested(() => controller.abort());
        return session.signIn(token.trim(), controller.signal);
      },
    );
    const who = user.email || user.name || user.id;
    void vscode.window.showInformationMessage(`Signed in to NetBird as ${who}${user.role ? ` (${user.role})` : ""}.`);
  } catch (error) {
    if (isCancelled(error)) return;
    const actions = error instanceof ApiError && error.kind === "urlRefused" ? ["Open Settings"] : ["Try Again", "Show Log"];
    const choice = await vscode.window.showErrorMessage(`NetBird: sign-in failed. ${describeError(error)}`, ...actions);
    if (choice === "Try Again") await signIn(session, connection, token);
    else if (choice === "Show Log") await vscode.commands.executeCommand("netbird.showLog");
    else if (choice === "Open Settings") await vscode.commands.executeCommand("workbench.action.openSettings", "netbird.managementUrl");
  }
}
