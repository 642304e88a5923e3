import * as vscode from "vscode";
import { sanitizeFilter, type AuditFilter } from "../core/audit/auditFilter";
import type { Session } from "../auth/session";
import type { AuditEventsController } from "./auditEventsController";
import { promptForFilter } from "./auditFilterPrompt";

/**
 * `netbird.audit.refresh`, `netbird.audit.filter` (interactive, or with an AuditFilter argument for
 * automation), `netbird.audit.clearFilter`, `netbird.audit.showMore` and `netbird.audit.showLastError`.
 */
export function registerAuditCommands(context: vscode.ExtensionContext, audit: AuditEventsController, session: Session): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("netbird.audit.refresh", async () => {
      if (session.state === "signedOut") {
        await vscode.commands.executeCommand("netbird.signIn");
        return;
      }
      await audit.refresh();
      audit.markSeen();
      const error = audit.lastError;
      if (error && !error.isAuthError) await showError(error.message);
    }),
    vscode.commands.registerCommand("netbird.audit.filter", async (filter?: AuditFilter) => {
      if (filter && typeof filter === "object") {
        await audit.setFilter(sanitizeFilter(filter));
        return;
      }
      const next = await promptForFilter(audit.filter, audit.allEvents);
      if (next) await audit.setFilter(next);
    }),
    vscode.commands.registerCommand("netbird.audit.clearFilter", () => audit.setFilter({})),
    // The "Show more" item of a day that lists only some of its events (its argument: the day's key).
    vscode.commands.registerCommand("netbird.audit.showMore", (dayKey?: unknown) => {
      if (typeof dayKey === "string") audit.showMore(dayKey);
    }),
    vscode.commands.registerCommand("netbird.audit.showLastError", async () => {
      const error = audit.lastError;
      if (error) await showError(error.message);
    }),
  );
}

async function showError(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(`NetBird: ${message}`, "Retry", "Show Log");
  if (choice === "Retry") await vscode.commands.executeCommand("netbird.audit.refresh");
  else if (choice === "Show Log") await vscode.commands.executeCommand("netbird.showLog");
}
