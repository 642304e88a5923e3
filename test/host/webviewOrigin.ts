// VS Code shows webviews on an origin of their own (VS Code for the web: <hash>.vscode-cdn.net; desktop:
// vscode-webview://<id>), so Chromium runs each in a renderer process of its own, with its own main thread and
// heap. code-server serves them from the workbench's own origin instead, which puts a webview on the
// workbench's main thread and heap. `serveWebviewsFromOwnOrigin` serves the workbench page with its
// configuration and CSP changed so that webviews come from http://<hash>.localhost:<port>: the same code-server
// (Chromium resolves every *.localhost name to loopback), on an origin of their own, as in VS Code. The browser
// profile allows third-party storage for their service worker (`allowThirdPartyStorage`).
import * as fs from "node:fs";
import * as path from "node:path";
import type { APIResponse, BrowserContext } from "playwright-core";

/** Each site in a renderer process of its own (Chromium's default on desktops; said here, not assumed). */
export const OWN_WEBVIEW_ORIGIN_ARGS: readonly string[] = ["--site-per-process"];

/**
 * A webview on its own origin is a third party in the workbench's page, and VS Code's webviews register a service
 * worker: the new browser profile in `profileDir` allows third-party cookies and storage, as desktop Chrome does by
 * default.
 */
export function allowThirdPartyStorage(profileDir: string): void {
  fs.mkdirSync(path.join(profileDir, "Default"), { recursive: true });
  fs.writeFileSync(path.join(profileDir, "Default", "Preferences"), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
}

const SETTINGS = /(<meta id="vscode-workbench-web-configuration" data-settings=")([^"]*)(")/;

const NAMED: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" };
/** An attribute's text: the named references an HTML escaper writes, and numeric ones. */
const decode = (attribute: string): string =>
  attribute.replace(/&(?:(quot|apos|lt|gt|amp)|#(\d+)|#x([0-9a-f]+));/gi, (all, name?: string, dec?: string, hex?: string) =>
    name ? (NAMED[name.toLowerCase()] ?? all) : String.fromCodePoint(dec ? Number(dec) : Number.parseInt(hex ?? "", 16)),
  );
const encode = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The workbench page with its webview endpoint moved to `{{uuid}}.localhost` on the same port and path (VS Code puts
 * the hash that a webview checks its own host name against in place of `{{uuid}}`). Throws when the page has no
 * configuration to change.
 */
export function withOwnWebviewOrigin(html: string, pageUrl: string): string {
  const match = SETTINGS.exec(html);
  if (!match) throw new Error("the workbench page has no vscode-workbench-web-configuration");
  const settings = JSON.parse(decode(match[2] ?? "")) as { webviewEndpoint?: unknown; productConfiguration?: Record<string, unknown> };
  if (typeof settings.webviewEndpoint !== "string") throw new Error("the workbench configuration has no webviewEndpoint");
  const endpoint = new URL(settings.webviewEndpoint, pageUrl);
  const port = endpoint.port ? `:${endpoint.port}` : "";
  const template = `${endpoint.protocol}//{{uuid}}.localhost${port}${endpoint.pathname.replace(/\/?$/, "/")}`;
  const { webviewEndpoint: _relative, ...rest } = settings;
  const changed = { ...rest, productConfiguration: { ...settings.productConfiguration, webviewContentExternalBaseUrlTemplate: template } };
  return html.replace(SETTINGS, (_all, start: string, _value: string, end: string) => `${start}${encode(JSON.stringify(changed))}${end}`);
}

/** The workbench's CSP with frames from http://*.localhost allowed (where its webviews now come from). */
export function withLocalhostFrames(csp: string): string {
  if (!/(^|;)\s*frame-src\b/.test(csp)) throw new Error(`the workbench's CSP has no frame-src: ${csp}`);
  return csp.replace(/((?:^|;)\s*frame-src\b)/, "$1 http://*.localhost:*");
}

/**
 * Every workbench page (at "/" of `workbenchOrigin`) shows its webviews on their own origin (see the top). The page
 * comes from the browser then, not from the network, so Chromium's local-network-access checks would stop it from
 * reaching code-server on loopback: the origin is granted that (nothing here leaves the machine). Anything but the
 * workbench page itself (a redirect, an error, another kind of answer) passes unchanged; a page that cannot be
 * changed is served as it came, with the reason logged, and its webviews stay on the workbench's origin.
 */
export async function serveWebviewsFromOwnOrigin(context: BrowserContext, workbenchOrigin: string): Promise<void> {
  await context.grantPermissions(["local-network-access"], { origin: workbenchOrigin });
  await context.route(
    (url) => url.origin === workbenchOrigin && url.pathname === "/",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.fallback();
      let response: APIResponse | undefined;
      try {
        response = await route.fetch({ maxRedirects: 0 });
        if (response.status() !== 200 || !/^text\/html\b/.test(response.headers()["content-type"] ?? "")) return await route.fulfill({ response });
        const headers = { ...response.headers() };
        // The body is handed over decoded.
        delete headers["content-encoding"];
        delete headers["content-length"];
        const csp = headers["content-security-policy"];
        if (csp) headers["content-security-policy"] = withLocalhostFrames(csp);
        await route.fulfill({ response, headers, body: withOwnWebviewOrigin(await response.text(), route.request().url()) });
      } catch (error) {
        console.error(`[harness] the workbench page is served unchanged, webviews on its origin: ${String(error)}`);
        await route.fallback().catch(() => undefined);
      } finally {
        await response?.dispose().catch(() => undefined);
      }
    },
  );
}
