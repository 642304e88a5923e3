import * as vscode from "vscode";
import { NetBirdClient, type ClientStats } from "../core/api/client";
import { ApiError } from "../core/api/errors";
import { normalizeManagementUrl } from "../core/api/managementUrl";
import type { Log } from "../util/log";
import { readConnectionSettings, readNetworkOptions, type ConnectionSettings } from "./settings";

/**
 * Owns the API client for the configured management URL and rebuilds it when the settings that shape it
 * change (`netbird.managementUrl`, `netbird.account`, `netbird.http.*`, `http.*`). `onDidChangeServer` fires
 * when the management URL or account changes (a different token applies).
 */
export class Connection implements vscode.Disposable {
  private client: NetBirdClient | undefined;
  /** The settings of an accepted management URL, or the error that refused it (set by build(), from the constructor on). */
  private target!: { readonly settings: ConnectionSettings } | { readonly error: ApiError };
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

  /** The current client's counters (undefined before the first request to this server). */
  get clientStats(): ClientStats | undefined {
    return this.client?.stats;
  }

  /** The client, or throws the ApiError that explains why the URL is refused. */
  getClient(): NetBirdClient {
    const target = this.target;
    if ("error" in target) throw target.error;
    this.client ??= this.createClient(this.url, target.settings);
    return this.client;
  }

  /**
   * Reads the settings that say whose data is shown (URL, account). The client itself, with the network
   * settings (proxy, CA files: reading a CA bundle takes a while), is made on the first request, not while
   * the extension activates.
   */
  private build(): void {
    const settings = readConnectionSettings();
    const old = this.client;
    this.client = undefined;
    void old?.close();
    let url: string;
    try {
      url = normalizeManagementUrl(settings.managementUrl);
    } catch (error) {
      const refused = error instanceof ApiError ? error : new ApiError({ kind: "urlRefused", userMessage: String(error) });
      this.target = { error: refused };
      this.server = settings.managementUrl;
      this.url = settings.managementUrl;
      this.log.warn(`[connection] management URL refused: ${refused.userMessage}`);
      return;
    }
    this.url = url;
    this.server = settings.account ? `${url}#account=${settings.account}` : url;
    this.target = { settings };
  }

  private createClient(url: string, settings: ConnectionSettings): NetBirdClient {
    const { options, caProblems } = readNetworkOptions(settings, process.env);
    for (const problem of caProblems) {
      this.log.warn(`[connection] CA file ${problem.path} not used: ${problem.reason}`);
      void vscode.window.showWarningMessage(
        `NetBird: the CA certificate file ${problem.path} could not be used (${problem.reason}). Check the setting netbird.http.caCertificates.`,
      );
    }
    this.log.debug(
      `[connection] management URL ${url}${settings.account ? ` (account ${settings.account})` : ""}; proxy support ${options.proxySupport}; ` +
        `${options.extraCaPems.length} extra CA file(s); strict TLS ${options.strictSSL}; timeout ${settings.timeoutSeconds} s`,
    );
    return new NetBirdClient({
      managementUrl: url,
      account: settings.account || undefined,
      userAgent: this.userAgent,
      network: options,
      env: process.env,
      logger: this.log,
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    void this.client?.close();
  }
}
