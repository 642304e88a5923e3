import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..", "..");

describe("packaging (.vscodeignore)", function () {
  this.timeout(30_000);
  // `vsce ls` lists exactly what `vsce package` would put into the .vsix; with a code cache as a local run
  // of the extension leaves next to the bundle.
  const cache = path.join(root, "dist", "main.packaging-test.v8cache");
  fs.writeFileSync(cache, "");
  let files: string[];
  try {
    files = execFileSync(process.execPath, [path.join(root, "node_modules", "@vscode", "vsce", "vsce"), "ls", "--no-dependencies"], {
      cwd: root,
      encoding: "utf8",
    })
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  } finally {
    fs.rmSync(cache, { force: true });
  }

  it("ships the bundles, the codicons, media and the docs", () => {
    for (const needed of ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "media/icon.png", "media/netbird.svg", "dist/extension.js", "dist/main.js", "dist/webview/traffic.js", "dist/webview/traffic.css", "dist/webview/codicons/codicon.ttf", "dist/llhttp/llhttp-wasm.js"]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
  });

  it("ships no sources, tests, simulator, source maps, code caches or node_modules", () => {
    const unwanted = files.filter(
      (f) => /^(src|test|out|simulator|scripts|resources|bench|node_modules|\.ci)\//.test(f) || f.endsWith(".map") || f.endsWith(".ts") || f.endsWith(".v8cache") || f.endsWith(".eslintcache"),
    );
    assert.deepEqual(unwanted, []);
  });
});
