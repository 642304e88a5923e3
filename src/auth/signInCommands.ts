import * as vscode from "vscode";
import { describeError, isCancelled, ApiError } from "../core/api/errors";
import type { Connection } from "../connection/connection";
import { patFormatProblem } from "../core/auth/patFormat";
import type { Session } from "./session";

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
