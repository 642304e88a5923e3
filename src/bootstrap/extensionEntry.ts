/**
 * dist/extension.js, what VS Code loads: it runs the extension's bundle (dist/main.js, built from
 * src/extension.ts) through the V8 code cache of ./codeCache.ts and hands VS Code its activate/deactivate.
 */
import * as path from "node:path";
import type * as vscode from "vscode";
import { loadWithCodeCache } from "./codeCache";

type ExtensionModule = typeof import("../extension");

/** How long after activation the compiled code is saved: once the first view has been filled. */
const SAVE_AFTER_MS = 1_000;

const bundle = loadWithCodeCache<ExtensionModule>(path.join(__dirname, "main.js"), require);

export function activate(context: vscode.ExtensionContext): unknown {
  const api = bundle.exports.activate(context);
  if (!bundle.fromCache) setTimeout(() => bundle.saveCache(), SAVE_AFTER_MS).unref();
  return api;
}

export function deactivate(): unknown {
  return bundle.exports.deactivate();
}
