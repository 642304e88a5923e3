// VS Code shows webviews on an origin of their own (VS Code for the web: <hash>.vscode-cdn.net; desktop:
// vscode-webview://<id>), so Chromium runs each in a renderer process of its own, with its own main thread and
// heap. code-server serves them from the workbench's own origin instead, which puts a webview on the
// workbench's main thread and heap. `serveWebviewsFromOwnOrigin` serves the workbench page with its
// configuration and CSP changed so that webviews come from http://<hash>.localhost:<port>: the same code-server
// (Chromium resolves every *.localhost name to loopback), on an origin of their own, as in VS Code.
import type { BrowserContext } from "playwright-core";

/**
 * Chromium flags the change needs: a page the browser fulfills itself counts as a public one, which Chromium's
 * local-network-access checks would stop from reaching code-server on loopback (nothing here leaves the machine).
 */
export const OWN_WEBVIEW_ORIGIN_ARGS: readonly string[] = ["--disable-features=LocalNetworkAccessChecks", "--site-per-process"];

const SETTINGS = /(<meta id="vscode-workbench-web-configuration" data-settings=")([^"]*)(")/;

const decode = (attribute: string): string =>
  attribute.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
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
  const template = `${endpoint.protocol}//{{uuid}}.localhost:${endpoint.port}${endpoint.pathname.replace(/\/?$/, "/")}`;
  const { webviewEndpoint: _relative, ...rest } = settings;
  const changed = { ...rest, productConfiguration: { ...settings.productConfiguration, webviewContentExternalBaseUrlTemplate: template } };
  return html.replace(SETTINGS, (_all, start: string, _value: string, end: string) => `${start}${encode(JSON.stringify(changed))}${end}`);
}

/** The workbench's CSP with frames from http://*.localhost allowed (where its webviews now come from). */
export function withLocalhostFrames(csp: string): string {
  if (!/(^|;)\s*frame-src\b/.test(csp)) throw new Error(`the workbench's CSP has no frame-src: ${csp}`);
  return csp.replace(/((?:^|;)\s*frame-src\b)/, "$1 http://*.localhost:*");
}

/** Every workbench page (at "/" of `workbenchOrigin`) shows its webviews on their own origin (see the top). */
export async function serveWebviewsFromOwnOrigin(context: BrowserContext, workbenchOrigin: string): Promise<void> {
  await context.route(
    (url) => url.origin === workbenchOrigin && url.pathname === "/",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.fallback();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      const csp = headers["content-security-policy"];
      if (csp) headers["content-security-policy"] = withLocalhostFrames(csp);
      await route.fulfill({ response, headers, body: withOwnWebviewOrigin(await response.text(), route.request().url()) });
    },
  );
}
