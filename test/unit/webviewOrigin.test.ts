import * as assert from "node:assert/strict";
import { withLocalhostFrames, withOwnWebviewOrigin } from "../host/webviewOrigin";

const PAGE = "http://127.0.0.1:41659/?folder=%2Ftmp%2Fworkspace";
/** As code-server escapes the configuration into its attribute. */
const attribute = (settings: unknown) =>
  JSON.stringify(settings).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
/** A workbench page as code-server serves it (the configuration HTML-escaped in an attribute). */
const page = (settings: unknown) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8" />\n<meta id="vscode-workbench-web-configuration" data-settings="${attribute(settings)}">\n<script nonce="x" src="./workbench.js"></script></head></html>`;
const settingsOf = (html: string): Record<string, unknown> => {
  const raw = /data-settings="([^"]*)"/.exec(html)?.[1] ?? "";
  return JSON.parse(raw.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")) as Record<string, unknown>;
};

describe("the harness's webviews on an origin of their own", () => {
  const settings = {
    remoteAuthority: "127.0.0.1:41659",
    webviewEndpoint: "stable-53c2f325/static/out/vs/workbench/contrib/webview/browser/pre",
    productConfiguration: { nameShort: "code-server", linkProtectionTrustedDomains: ["https://a.example?x=1&y=<2>"] },
    callbackRoute: "/stable-53c2f325/callback",
  };

  it("moves the webview endpoint to {{uuid}}.localhost on the same port and path, keeping every other setting", () => {
    const changed = settingsOf(withOwnWebviewOrigin(page(settings), PAGE));
    assert.equal(changed.webviewEndpoint, undefined, "the relative endpoint would win over the template");
    assert.deepEqual(changed.productConfiguration, {
      ...settings.productConfiguration,
      webviewContentExternalBaseUrlTemplate: "http://{{uuid}}.localhost:41659/stable-53c2f325/static/out/vs/workbench/contrib/webview/browser/pre/",
    });
    assert.equal(changed.remoteAuthority, settings.remoteAuthority);
    assert.equal(changed.callbackRoute, settings.callbackRoute);
  });

  it("reads every entity of the attribute (an apostrophe in a path, numeric references) and keeps the text", () => {
    const withPath = { ...settings, userDataPath: "/home/o'brien/data <x> & y" };
    const changed = settingsOf(withOwnWebviewOrigin(page(withPath), PAGE));
    assert.equal(changed.userDataPath, "/home/o'brien/data <x> & y");
    const numeric = page(settings).replace("&quot;remoteAuthority&quot;", "&#34;remoteAuthority&#x22;");
    assert.equal(settingsOf(withOwnWebviewOrigin(numeric, PAGE)).remoteAuthority, settings.remoteAuthority);
  });

  it("leaves the port out of the template when the page is on its scheme's default port", () => {
    const changed = settingsOf(withOwnWebviewOrigin(page(settings), "http://127.0.0.1/?folder=x"));
    const product = changed.productConfiguration as Record<string, unknown>;
    assert.equal(product.webviewContentExternalBaseUrlTemplate, "http://{{uuid}}.localhost/stable-53c2f325/static/out/vs/workbench/contrib/webview/browser/pre/");
  });

  it("leaves the rest of the page as it was", () => {
    const html = withOwnWebviewOrigin(page(settings), PAGE);
    assert.ok(html.startsWith('<!DOCTYPE html><html><head><meta charset="utf-8" />\n<meta id="vscode-workbench-web-configuration" data-settings="'));
    assert.ok(html.endsWith('">\n<script nonce="x" src="./workbench.js"></script></head></html>'));
  });

  it("says what is missing (the route then serves the page unchanged, webviews on the workbench's origin)", () => {
    assert.throws(() => withOwnWebviewOrigin("<html></html>", PAGE), /no vscode-workbench-web-configuration/);
    assert.throws(() => withOwnWebviewOrigin(page({ remoteAuthority: "x" }), PAGE), /no webviewEndpoint/);
  });

  it("allows frames from *.localhost in the workbench's CSP, and nothing else changes", () => {
    const csp = "default-src 'self'; child-src 'self'; frame-src 'self' https://*.vscode-cdn.net data:; worker-src 'self' data: blob:;";
    assert.equal(withLocalhostFrames(csp), "default-src 'self'; child-src 'self'; frame-src http://*.localhost:* 'self' https://*.vscode-cdn.net data:; worker-src 'self' data: blob:;");
    assert.throws(() => withLocalhostFrames("default-src 'self';"), /no frame-src/);
  });
});
