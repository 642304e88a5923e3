import { readFileSync } from "node:fs";
import * as vscode from "vscode";
import { DEFAULT_MANAGEMENT_URL } from "../core/api/managementUrl";
import { DEFAULT_TIMEOUTS, splitNoProxy, type NetworkOptions } from "../core/api/networkOptions";

/** Reads the extension's settings. Security-relevant ones are taken from user settings only. */
export interface ConnectionSettings {
  readonly managementUrl: string;
  readonly account: string;
  readonly caPaths: readonly string[];
  readonly timeoutSeconds: number;
}

/**
 * `netbird.managementUrl` is application-scoped; read it from the user (global) value only, so a workspace's
 * .vscode/settings.json can never send the token to another host.
 */
export function readConnectionSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration("netbird");
  const url = config.inspect<string>("managementUrl");
  const account = config.inspect<string>("account");
  const ca = config.inspect<string[]>("http.caCertificates");
  const timeout = config.get<number>("http.timeout", 30);
  return {
    managementUrl: (url?.globalValue ?? url?.defaultValue ?? DEFAULT_MANAGEMENT_URL).trim() || DEFAULT_MANAGEMENT_URL,
    account: (account?.globalValue ?? "").trim(),
    caPaths: (ca?.globalValue ?? []).filter((p) => typeof p === "string" && p.trim() !== ""),
    timeoutSeconds: Number.isFinite(timeout) ? Math.min(600, Math.max(5, timeout)) : 30,
  };
}

export interface CaFileProblem {
  readonly path: string;
  readonly reason: string;
}

/** Builds the API service's network options from VS Code's http.* settings, the environment and our CA files. */
export function readNetworkOptions(
  settings: ConnectionSettings,
  env: NodeJS.ProcessEnv,
): { options: NetworkOptions; caProblems: CaFileProblem[] } {
  const http = vscode.workspace.getConfiguration("http");
  const support = http.get<string>("proxySupport", "override");
  const caProblems: CaFileProblem[] = [];
  const pems: string[] = [];
  const paths = [...settings.caPaths, ...(env.NODE_EXTRA_CA_CERTS ? [env.NODE_EXTRA_CA_CERTS] : [])];
  for (const path of paths) {
    try {
      const text = readFileSync(path, "utf8");
      if (!text.includes("-----BEGIN CERTIFICATE-----")) {
        caProblems.push({ path, reason: "it contains no PEM certificate" });
      } else {
        pems.push(text);
      }
    } catch (error) {
      caProblems.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  const timeoutMs = settings.timeoutSeconds * 1000;
  return {
    caProblems,
    options: {
      proxySupport: support === "off" || support === "on" || support === "fallback" ? support : "override",
      proxy: http.get<string>("proxy", "") ?? "",
      proxyAuthorization: http.get<string | null>("proxyAuthorization", null) ?? undefined,
      noProxy: [...(http.get<string[]>("noProxy", []) ?? []), ...splitNoProxy(env.NO_PROXY ?? env.no_proxy)],
      strictSSL: http.get<boolean>("proxyStrictSSL", true) !== false,
      systemCertificates: http.get<boolean>("systemCertificates", true) !== false,
      extraCaPems: pems,
      timeouts: {
        connectMs: Math.min(timeoutMs, DEFAULT_TIMEOUTS.connectMs * 3),
        headersMs: timeoutMs,
        bodyMs: timeoutMs,
      },
    },
  };
}
