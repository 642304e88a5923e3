import * as vscode from "vscode";
import { NetBirdClient } from "../core/api/client";
import { ApiError } from "../core/api/errors";
import { normalizeManagementUrl } from "../core/api/managementUrl";
import type { Log } from "../util/log";
import { readConnectionSettings, readNetworkOptions } from "./settings";

/**
 * Owns the API client for the configured management URL and rebuilds it when the settings that shape it
 * change (`netbird.managementUrl`, `netbird.account`, `netbird.http.*`, `http.*`). `onDidChangeServer` fires
 * when the management URL or account changes (a different token applies).
 */
export class Connection implements vscode.Disposable {
  private client: NetBirdClient | undefined;
  private urlError: ApiError | undefined;
  private server = "";
  private url = "";
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChangeServer = this.changed.event;

  constructor(
    private readonly log: Log,
    private readonly userAgent: string,
  ) {
    this.build();
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Only the settings that shape the client: not e.g. the auto-refresh interval (keeps the open connections).
        const shapesClient = ["netbird.managementUrl", "netbird.account", "netbird.http", "http"].some((key) => e.affectsConfiguration(key));
        if (shapesClient) {
          const before = this.server;
          this.build();
          if (this.server !== before) this.changed.fire();
        }
      }),
    );
  }

  /** The normalised management URL (or the raw setting when it is refused). Keys the stored token. */
  get managementUrl(): string {
    return this.url;
  }

  /** Management URL plus MSP account: identifies whose data is shown. */
  get serverKey(): string {
    return this.server;
  }

  /** Requests in flight on the current client (0 when there is none). */
  get inFlight(): number {
    return this.client?.stats.inFlight ?? 0;
  }

  /** The client, or throws the ApiError that explains why the URL is refused. */
  getClient(): NetBirdClient {
    if (this.urlError || !this.client) throw this.urlError ?? new ApiError({ kind: "urlRefused", userMessage: "No management URL is set." });
    return this.client;
  }

  private build(): void {
    const settings = readConnectionSettings();
    const old = this.client;
    this.client = undefined;
    this.urlError = undefined;
    let url: string;
    try {
      url = normalizeManagementUrl(settings.managementUrl);
    } catch (error) {
      this.urlError = error instanceof ApiError ? error : new ApiError({ kind: "urlRefused", userMessage: String(error) });
      this.server = settings.managementUrl;
      this.url = settings.managementUrl;
      this.log.warn(`[connection] management URL refused: ${this.urlError.userMessage}`);
      void old?.close();
      return;
    }
    const { options, caProblems } = readNetworkOptions(settings, process.env);
    for (const problem of caProblems) {
      this.log.warn(`[connection] CA file ${problem.path} not used: ${problem.reason}`);
      void vscode.window.showWarningMessage(
        `NetBird: the CA certificate file ${problem.path} could not be used (${problem.reason}). Check the setting netbird.http.caCertificates.`,
      );
    }
    this.url = url;
    this.server = settings.account ? `${url}#account=${settings.account}` : url;
    this.client = new NetBirdClient({
      managementUrl: url,
      account: settings.account || undefined,
      userAgent: this.userAgent,
      network: options,
      env: process.env,
      logger: this.log,
    });
    this.log.debug(
      `[connection] management URL ${url}${settings.account ? ` (account ${settings.account})` : ""}; proxy support ${options.proxySupport}; ` +
        `${options.extraCaPems.length} extra CA file(s); strict TLS ${options.strictSSL}; timeout ${settings.timeoutSeconds} s`,
    );
    void old?.close();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    void this.client?.close();
  }
}
