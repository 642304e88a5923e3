import * as vscode from "vscode";
import { AuditEventsController } from "./auditEvents/auditEventsController";
import { registerAuditCommands } from "./auditEvents/auditCommands";
import { createAuditEventsView } from "./auditEvents/auditEventsView";
import { signInForDemo } from "./auth/demoSignIn";
import { Session } from "./auth/session";
import { registerSignInCommands } from "./auth/signInCommands";
import { registerEventJsonCommands } from "./commands/eventJsonCommands";
import { Connection } from "./connection/connection";
import { EventDocuments } from "./documents/eventDocuments";
import { registerTrafficCommands } from "./traffic/trafficCommands";
import { trafficPickSource } from "./traffic/trafficPickSource";
import { createTestApi, type NetBirdEventsApi } from "./testApi";
import { Log } from "./util/log";

/** Composition root: builds the services and registers views and commands. Holds no logic of its own. */
export function activate(context: vscode.ExtensionContext): NetBirdEventsApi {
  const channel = vscode.window.createOutputChannel("NetBird", { log: true });
  const log = new Log(channel);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? "0.0.0");
  const connection = new Connection(log, `NetBirdEvents-VSCode/${version} (VS Code ${vscode.version}; ${vscode.env.appName})`);
  const session = new Session(context.secrets, connection, log);
  const audit = new AuditEventsController(session, connection, context.globalState, log);
  const documents = new EventDocuments(audit, connection);

  const auditView = createAuditEventsView(audit, session, log);
  context.subscriptions.push(channel, connection, session, audit, documents, auditView);
  context.subscriptions.push(
    session.onDidChange(() => (session.state === "signedOut" ? documents.clear() : documents.refreshOpenDocuments())),
    vscode.commands.registerCommand("netbird.showLog", () => channel.show()),
  );
  registerSignInCommands(context, session, connection);
  registerAuditCommands(context, audit, session);
  registerTrafficCommands(context, { extensionUri: context.extensionUri, session, connection, documents, log });
  registerEventJsonCommands(context, audit, documents, [trafficPickSource(documents)]);
  void signInForDemo(session, connection, context.globalState, log);
  return createTestApi(context, session, audit, connection, auditView.view);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
