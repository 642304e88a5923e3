// Debian's headless Chromium through playwright-core, with a per-run profile and XDG dirs and every
// non-loopback request aborted, so the workbench never waits on the (closed) network.
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { hostPaths, verbose } from "./paths";
import { onCleanup } from "./processes";
import { allowThirdPartyStorage, OWN_WEBVIEW_ORIGIN_ARGS, serveWebviewsFromOwnOrigin } from "./webviewOrigin";

export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox", // required as root
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** URLs of requests that were aborted because they left the machine. */
  blocked: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The run folder; the profile and Chromium's XDG dirs are created inside it. */
  root: string;
  /** Pages see `prefers-reduced-motion: reduce` (the test suites: no CSS animations to render in software). */
  reducedMotion?: boolean;
  /** Functions exposed to every page before any navigation (e.g. codeAutomationLog/codeAutomationExit). */
  expose?: Record<string, (...args: never[]) => unknown>;
  viewport?: { width: number; height: number };
  /** The workbench's origin, to show its webviews on an origin of their own as VS Code does (see webviewOrigin.ts). */
  ownWebviewOriginFor?: string;
}

function isLoopback(url: URL): boolean {
  if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "ws:" && url.protocol !== "wss:") return true;
  // *.localhost: Chromium resolves every such name to loopback (see webviewOrigin.ts).
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname.endsWith(".localhost") || url.hostname === "[::1]";
}

export async function launchBrowser(options: LaunchOptions): Promise<BrowserSession> {
  const profile = path.join(options.root, "chromium-profile");
  const xdgConfig = path.join(options.root, "chromium-xdg", "config");
  const xdgCache = path.join(options.root, "chromium-xdg", "cache");
  for (const dir of [profile, xdgConfig, xdgCache]) fs.mkdirSync(dir, { recursive: true });
  if (options.ownWebviewOriginFor) allowThirdPartyStorage(profile);
  const { chromium: executablePath } = hostPaths();
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} is missing: run bash test/host/install-host.sh (or set CHROMIUM_PATH)`);

  const launching = chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.reducedMotion ? ["--force-prefers-reduced-motion"] : []), ...(options.ownWebviewOriginFor ? OWN_WEBVIEW_ORIGIN_ARGS : [])],
    env: { ...process.env, XDG_CONFIG_HOME: xdgConfig, XDG_CACHE_HOME: xdgCache },
    viewport: options.viewport ?? { width: 1400, height: 900 },
    handleSIGINT: false, // the harness stops the browser itself (test/host/processes.ts)
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Registered before the launch settles, so Ctrl-C during the launch still closes the browser before
  // the run folder (its profile) is removed.
  onCleanup(async () => {
    const launched = await launching.catch(() => undefined);
    await launched?.close().catch(() => undefined);
  });
  const context = await launching;
  const blocked: string[] = [];
  try {
    await context.route(
      (url) => !isLoopback(url),
      async (route) => {
        blocked.push(route.request().url());
        if (verbose()) console.error(`[browser] blocked ${route.request().url()}`);
        await route.abort("blockedbyclient");
      },
    );
    if (options.ownWebviewOriginFor) await serveWebviewsFromOwnOrigin(context, options.ownWebviewOriginFor);
    for (const [name, fn] of Object.entries(options.expose ?? {})) {
      await context.exposeFunction(name, fn);
    }
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closing: Promise<void> | undefined;
  return {
    context,
    page,
    blocked,
    close: () => {
      closing ??= Promise.race([
        context.close().catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, 10_000)),
      ]);
      return closing;
    },
  };
}
