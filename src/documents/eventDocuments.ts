import * as vscode from "vscode";
import type { AuditEventsController } from "../auditEvents/auditEventsController";
import type { Connection } from "../connection/connection";
import type { AuditEvent, TrafficEvent } from "../core/api/models";
import { auditDocumentPath, EVENT_SCHEME, parseEventDocumentPath, serverTag, trafficDocumentPath } from "../core/documents/eventUri";

const MAX_CACHED_TRAFFIC = 500;

/**
 * Read-only virtual JSON documents for single events (scheme `netbird-event`). The content is the event
 * exactly as the API returned it (same fields, same order), pretty-printed. Audit documents are looked up
 * in the loaded list; traffic documents are kept in a bounded cache when opened from the panel.
 */
export class EventDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly traffic = new Map<string, TrafficEvent>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly audit: AuditEventsController,
    private readonly connection: Connection,
  ) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(EVENT_SCHEME, this);
  }

  auditUri(event: AuditEvent): vscode.Uri {
    return vscode.Uri.from({ scheme: EVENT_SCHEME, path: auditDocumentPath(this.server(), event.id, event.activity_code) });
  }

  /** Registers a traffic record under a key and returns its document URI. */
  trafficUri(event: TrafficEvent, key: string, title: string): vscode.Uri {
    this.traffic.delete(key);
    this.traffic.set(key, event);
    while (this.traffic.size > MAX_CACHED_TRAFFIC) {
      const oldest = this.traffic.keys().next().value;
      if (oldest === undefined) break;
      this.traffic.delete(oldest);
    }
    return vscode.Uri.from({ scheme: EVENT_SCHEME, path: trafficDocumentPath(this.server(), key, title) });
  }

  /** Opens (or focuses, when already open) a document as a pinned, read-only JSON editor. */
  async show(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    const json = document.languageId === "json" ? document : await vscode.languages.setTextDocumentLanguage(document, "json");
    return vscode.window.showTextDocument(json, { preview: false });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    if (uri.scheme !== EVENT_SCHEME) return "";
    const ref = parseEventDocumentPath(uri.path);
    if (!ref) return explain("This is not a NetBird event document.");
    if (ref.server !== this.server()) {
      return explain("This event belongs to another NetBird server or account than the one configured now. Switch back to it to see the event.");
    }
    if (ref.kind === "audit") {
      const event = this.audit.event(ref.id);
      if (event) return JSON.stringify(event, null, 2);
      return explain(
        this.audit.viewState === "signedOut"
          ? "Sign in to NetBird (command “NetBird: Sign In…”) to see this event."
          : `Audit event ${ref.id} is not among the loaded events. Refresh the Audit Events view; the API returns only the newest 10,000 events.`,
      );
    }
    const event = this.traffic.get(ref.key);
    return event ? JSON.stringify(event, null, 2) : explain("This traffic event is no longer in memory. Open it again from the Traffic Events panel.");
  }

  /** Re-renders open event documents (after sign-in/out or a refresh). */
  refreshOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === EVENT_SCHEME) this.changed.fire(doc.uri);
    }
  }

  /** Forgets cached traffic records (on sign-out). */
  clear(): void {
    this.traffic.clear();
    this.refreshOpenDocuments();
  }

  private server(): string {
    return serverTag(this.connection.serverKey);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.traffic.clear();
  }
}

/** Explanatory content for a document that cannot be shown, as a JSON object so the JSON mode stays happy. */
function explain(message: string): string {
  return JSON.stringify({ message }, null, 2);
}
