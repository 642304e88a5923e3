// 3. Activation as the extension host reports it: VS Code's "Developer: Show Running Extensions" shows, per
// extension, codeLoadingTime + activateCallTime as "Activation: N ms". Each run loads the workbench afresh
// (a new extension host), opens the NetBird view (which activates the extension) and reads that editor.
// Also the size of the bundles the extension host and the webview load.
import * as fs from "node:fs";
import * as path from "node:path";
import { summarize, type Summary } from "../lib/stats";
import type { Session } from "../lib/session";
import { REPO_ROOT } from "../../test/host/paths";

export interface ActivationResult {
  /** codeLoadingTime + activateCallTime per run (ms). */
  activation: Summary;
  /**
   * The same for the activation reference (bench/reference-extension: it only imports `vscode` and registers
   * one command), activated in the same runs: what any extension pays here before doing anything.
   */
  reference?: Summary;
  reason: string;
}

/** The smallest extension, loaded beside this one as the activation reference. */
export const REFERENCE_EXTENSION = path.join(REPO_ROOT, "bench", "reference-extension");
const REFERENCE_ROW = /Activation Reference|netbird-events-bench\.activation-reference/;
const REFERENCE_COMMAND = "Bench: Activate the Activation Reference";

export interface BundleResult {
  production: boolean;
  extensionBytes: number;
  /** Loaded lazily, on the first request (undici's HTTP parser as WebAssembly). */
  lazyBytes: number;
  webviewJsBytes: number;
  webviewCssBytes: number;
}

export function bundleSizes(extensionPath: string): BundleResult {
  const dist = path.join(extensionPath, "dist");
  const size = (...parts: string[]) => {
    const file = path.join(dist, ...parts);
    return fs.existsSync(file) ? fs.statSync(file).size : 0;
  };
  const llhttp = path.join(dist, "llhttp");
  const lazy = fs.existsSync(llhttp) ? fs.readdirSync(llhttp).reduce((n, f) => n + fs.statSync(path.join(llhttp, f)).size, 0) : 0;
  return {
    production: !fs.existsSync(path.join(dist, "main.js.map")),
    // Both load at activation: the loader and the bundle it runs through the code cache.
    extensionBytes: size("extension.js") + size("main.js"),
    lazyBytes: lazy,
    webviewJsBytes: size("webview", "traffic.js"),
    webviewCssBytes: size("webview", "traffic.css"),
  };
}

/** The row of this extension in the Running Extensions editor (a development extension shows its id as its name). */
const ROW_NAME = /NetBird Events|netbird-events\.netbird-events/;

export async function activationScenario(session: Session, runs: number, log: (line: string) => void): Promise<ActivationResult> {
  const { page, workbench } = session;
  const samples: number[] = [];
  const referenceSamples: number[] = [];
  let reason = "";
  // The first load is a warm-up (cold disk caches, first compile of the workbench).
  for (let i = 0; i <= runs; i++) {
    // Start with another view in front, so the workbench does not restore the NetBird view (which would
    // activate the extension at startup, while every other extension is starting too).
    await workbench.runCommand("View: Show Explorer");
    await page.goto("about:blank");
    await page.goto(session.url, { waitUntil: "domcontentloaded" });
    await workbench.waitForReady(120_000);
    await settleExtensionHost(session);
    // The reference and this extension are activated one after the other, in turns first.
    const activateReference = () => workbench.runCommand(REFERENCE_COMMAND);
    const activateNetBird = () => workbench.openNetBirdContainer();
    for (const activate of i % 2 === 0 ? [activateReference, activateNetBird] : [activateNetBird, activateReference]) {
      await activate();
      await page.waitForTimeout(500);
    }
    await workbench.runCommand("Developer: Show Running Extensions");
    const text = await activationText(session, ROW_NAME);
    const referenceText = await activationText(session, REFERENCE_ROW);
    reason = text;
    if (i > 0) {
      samples.push(milliseconds(text));
      referenceSamples.push(milliseconds(referenceText));
    }
    log(`activation run ${i}: ${text}; reference ${referenceText}${i === 0 ? " (warm-up)" : ""}`);
    await closeRunningExtensions(session);
  }
  return { activation: summarize(samples), reference: summarize(referenceSamples), reason };
}

const milliseconds = (text: string) => Number(/(\d+(?:\.\d+)?)\s*ms/.exec(text)?.[1]);

/** "Activation: 17ms" of an extension's row in the Running Extensions editor. */
async function activationText(session: Session, name: RegExp): Promise<string> {
  const { page } = session;
  const row = page.locator(".runtime-extensions-editor .monaco-list-row", { hasText: name }).first();
  // The list is virtualised and sorted slowest first: scroll until the row is rendered.
  const list = page.locator(".runtime-extensions-editor .monaco-list").first();
  await list.waitFor({ timeout: 30_000 });
  for (const step of [300, -300]) {
    for (let scroll = 0; scroll < 30 && (await row.count()) === 0; scroll++) {
      await list.hover();
      await page.mouse.wheel(0, step);
      await page.waitForTimeout(150);
    }
  }
  const time = row.locator(".activation-time");
  await time.filter({ hasText: /\d+\s*ms/ }).waitFor({ timeout: 60_000 });
  return (await time.innerText()).trim();
}

/**
 * Waits until the extension host has finished starting the other extensions (the Running Extensions list
 * stops changing and shows no "Activating…"), so our activation is timed on a quiet extension host.
 */
async function settleExtensionHost(session: Session): Promise<void> {
  const { page, workbench } = session;
  await workbench.runCommand("Developer: Show Running Extensions");
  const times = page.locator(".runtime-extensions-editor .monaco-list-row .activation-time");
  let last = "";
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(1000);
    const now = (await times.allInnerTexts()).join("|");
    if (now === last && now !== "" && !/Activating/i.test(now)) break;
    last = now;
  }
  await closeRunningExtensions(session);
}

/** Closes the Running Extensions editor (this VS Code opens it as a modal over the workbench). */
async function closeRunningExtensions(session: Session): Promise<void> {
  const { page, workbench } = session;
  const editor = page.locator(".runtime-extensions-editor");
  for (let attempt = 0; attempt < 3 && (await editor.isVisible()); attempt++) {
    await page.keyboard.press("Escape");
    await page.waitForTimeout(300);
    if (await editor.isVisible()) await workbench.runCommand("View: Close All Editors").catch(() => undefined);
  }
}
