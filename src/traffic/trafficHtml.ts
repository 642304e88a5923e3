import { randomBytes } from "node:crypto";
import * as vscode from "vscode";

/** A fresh CSP nonce from the crypto RNG. */
export function makeNonce(): string {
  return randomBytes(18).toString("base64");
}

/** The folder the webview may load from: the built webview assets only. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, "dist", "webview");
}

/**
 * The panel's HTML: a strict CSP (no inline script or style, no network), the bundled script with a nonce,
 * and nothing else. No data and no token ever goes into the HTML: data arrives by message.
 */
export function trafficHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = webviewRoot(extensionUri);
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString();
  const nonce = makeNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset("codicons", "codicon.css")}">
<link rel="stylesheet" href="${asset("traffic.css")}">
<title>Traffic Events</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${asset("traffic.js")}"></script>
</body>
</html>`;
}
