// The mocha entry of the extension-host suite: `run()` is what VS Code awaits when started with
// extensionTestsPath (code-server via test/host/runIntegration.ts, or @vscode/test-electron via
// test/electron/runTests.ts). Loads every *.test.js below this folder; MOCHA_GREP selects tests.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { OUTPUT_MARKER } from "./output";

function findTests(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith(".test.js")) files.push(full);
  }
  return files.sort();
}

/**
 * tsc never deletes outputs: a compiled test whose .ts was deleted or renamed would still run. When the
 * sources are next to out/ (out/test/integration ↔ test/integration), such leftovers are skipped.
 */
function withoutStale(files: string[]): string[] {
  const sourceRoot = path.resolve(__dirname, "..", "..", "..", "test", "integration");
  if (!fs.existsSync(sourceRoot)) return files;
  return files.filter((file) => {
    const source = path.join(sourceRoot, path.relative(__dirname, file)).replace(/\.js$/, ".ts");
    if (fs.existsSync(source)) return true;
    console.warn(`${OUTPUT_MARKER}skipping ${path.relative(__dirname, file)}: compiled test without a source (${path.relative(sourceRoot, source)} was deleted?)`);
    return false;
  });
}

/**
 * Under the code-server harness the extension host's console reaches the driver mixed with the
 * workbench's own logs; prefixing mocha's report with the harness's marker lets it show just the report.
 * (VS Code makes `console.*` of the extension host read-only, so the reporter's printer is wrapped instead.)
 */
function markReporterOutput(): void {
  if (!OUTPUT_MARKER) return;
  const base = Mocha.reporters.Base;
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]): void => {
    if (typeof args[0] === "string") original(OUTPUT_MARKER + args[0], ...args.slice(1));
    else original(OUTPUT_MARKER, ...args);
  };
}

export function run(): Promise<void> {
  markReporterOutput();
  const grep = process.env.MOCHA_GREP;
  const mocha = new Mocha({
    ui: "bdd",
    reporter: "spec",
    color: false,
    timeout: Number(process.env.MOCHA_TIMEOUT) || 20_000,
    ...(grep ? { grep } : {}),
  });
  for (const file of withoutStale(findTests(__dirname))) mocha.addFile(file);

  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
