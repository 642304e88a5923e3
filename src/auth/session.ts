import * as vscode from "vscode";
import type { Connection } from "../connection/connection";
import type { NetBirdClient, RequestOptions } from "../core/api/client";
import { ApiError, isCancelled } from "../core/api/errors";
import type { CurrentUser } from "../core/api/models";
import type { Log } from "../util/log";

export type SessionState = "signedOut" | "signedIn";

const SECRET_PREFIX = "netbird.token:";

/**
 * The signed-in state. The token lives only in SecretStorage (keyed by management URL) and in this object's
 * memory in the extension host; it is handed to the API client per request and never logged or persisted
 * elsewhere. Reacts to sign-in/out in other windows (SecretStorage events) and to management URL changes.
 */
export class Session implements vscode.Disposable {
  private token: string | undefined;
  private user: CurrentUser | undefined;
  private loaded: Promise<void>;
  private rejectedNoticeShown = false;
  private generationValue = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly connection: Connection,
    private readonly log: Log,
  ) {
    this.loaded = this.reload();
    this.subscriptions.push(
      this.changed,
      secrets.onDidChange((e) => {
        if (e.key === this.secretKey()) void this.reloadAndNotify(false);
      }),
      connection.onDidChangeServer(() => void this.reloadAndNotify(true)),
    );
  }

  get state(): SessionState {
    return this.token ? "signedIn" : "signedOut";
  }

  /**
   * Changes whenever the token or the server changes, but not when only the signed-in user's details arrive
   * (so listeners that reload data can tell the two apart).
   */
  get generation(): number {
    return this.generationValue;
  }

  /** Who is signed in, once known. */
  get currentUser(): CurrentUser | undefined {
    return this.user;
  }

  /** Resolves once the stored token has been read. */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** Request options for the API client, or undefined when signed out. */
  async requestOptions(signal?: AbortSignal): Promise<RequestOptions | undefined> {
    await this.loaded;
    return this.token ? { token: this.token, signal } : undefined;
  }

  /**
   * Checks a token with GET /api/users/current and stores it on success. Throws ApiError on failure
   * (the caller shows it; nothing is stored).
   */
  async signIn(token: string, signal?: AbortSignal): Promise<CurrentUser> {
    const client = this.connection.getClient();
    const user = await client.getCurrentUser({ token, signal });
    try {
      await this.secrets.store(this.secretKey(), token);
    } catch (error) {
      throw new ApiError({
        kind: "network",
        detail: String(error),
        userMessage:
          "The token is valid but VS Code could not store it in the system keyring. On Linux, install and unlock a keyring (GNOME Keyring or KWallet), or set the VS Code runtime argument password-store; then sign in again.",
      });
    }
    this.token = token;
    this.user = user;
    this.generationValue++;
    this.rejectedNoticeShown = false;
    this.log.info(`[auth] signed in to ${this.connection.managementUrl} as ${user.email || user.name || user.id} (${user.role})`);
    this.changed.fire();
    return user;
  }

  async signOut(): Promise<void> {
    await this.loaded;
    this.token = undefined;
    this.user = undefined;
    this.generationValue++;
    try {
      await this.secrets.delete(this.secretKey());
    } catch (error) {
      this.log.warn(`[auth] could not delete the stored token: ${String(error)}`);
    }
    this.log.info(`[auth] signed out of ${this.connection.managementUrl}`);
    this.changed.fire();
  }

  /**
   * Called when the server rejects the token (401, or 404 "invalid token…") at any time: forget it and show
   * one notification with a Sign In action (never a storm of them).
   */
  async handleRejectedToken(error: ApiError): Promise<void> {
    if (!this.token) return;
    // Worded so the redaction (which masks "Token <value>") keeps the line readable.
    this.log.warn(`[auth] the server rejected the token: ${error.message}`);
    await this.signOut();
    if (this.rejectedNoticeShown) return;
    this.rejectedNoticeShown = true;
    const choice = await vscode.window.showErrorMessage(`NetBird: ${error.message}`, "Sign In");
    if (choice === "Sign In") await vscode.commands.executeCommand("netbird.signIn");
  }

  /** Fetches who is signed in (for the view description), quietly. */
  async loadCurrentUser(client: NetBirdClient): Promise<void> {
    const options = await this.requestOptions();
    if (!options || this.user) return;
    try {
      this.user = await client.getCurrentUser(options);
      this.changed.fire();
    } catch (error) {
      if (error instanceof ApiError && error.isAuthError) await this.handleRejectedToken(error);
      else if (!isCancelled(error)) this.log.debug(`[auth] could not read the current user: ${String(error)}`);
    }
  }

  private secretKey(): string {
    return `${SECRET_PREFIX}${this.connection.managementUrl}`;
  }

  private async reload(): Promise<void> {
    try {
      this.token = (await this.secrets.get(this.secretKey())) || undefined;
    } catch (error) {
      this.token = undefined;
      this.log.warn(`[auth] could not read the stored token: ${String(error)}`);
    }
  }

  private async reloadAndNotify(serverChanged: boolean): Promise<void> {
    const before = this.token;
    this.loaded = this.reload();
    await this.loaded;
    if (serverChanged || before !== this.token) {
      this.user = undefined;
      this.generationValue++;
      this.changed.fire();
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
