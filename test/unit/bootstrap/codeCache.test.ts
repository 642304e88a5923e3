import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { loadWithCodeCache } from "../../../src/bootstrap/codeCache";

interface Bundle {
  name: string;
  answer(): number;
  context: { thisIsExports: boolean; strict: boolean; filename: string; dirname: string; dep: string };
  fail(): never;
}

describe("loading the bundle through a V8 code cache", () => {
  let folder = "";
  const bundlePath = () => path.join(folder, "main.js");
  const caches = () => fs.readdirSync(folder).filter((f) => f.endsWith(".v8cache"));
  /** A CommonJS bundle as esbuild writes one: strict, `module.exports`, a relative require, functions compiled lazily. */
  const bundle = (name: string, answer: number) =>
    [
      '"use strict";',
      `const dep = require("./dep.js");`,
      "function compute(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }",
      `module.exports = { name: ${JSON.stringify(name)}, answer: () => ${answer} + compute(0),`,
      "  context: { thisIsExports: this === exports, strict: (function () { return this; })() === undefined, filename: __filename, dirname: __dirname, dep: dep.value },",
      '  fail() { throw new Error("from line 6"); } };',
    ].join("\n");
  const load = () => loadWithCodeCache<Bundle>(bundlePath(), createRequire(bundlePath()));
  /**
   * Loads the bundle in a new Node process, as each start of the extension host does (within one process V8
   * keeps compiled scripts in memory and does not even look at the cache); optionally saves the cache.
   */
  const loadInNewProcess = (save: boolean): { fromCache: boolean; name: string; answer: number } => {
    const program = `
      const { loadWithCodeCache } = require(${JSON.stringify(require.resolve("../../../src/bootstrap/codeCache"))});
      const { createRequire } = require("node:module");
      const loaded = loadWithCodeCache(${JSON.stringify(bundlePath())}, createRequire(${JSON.stringify(bundlePath())}));
      const answer = loaded.exports.answer();
      if (${save}) loaded.saveCache();
      process.stdout.write(JSON.stringify({ fromCache: loaded.fromCache, name: loaded.exports.name, answer }));`;
    return JSON.parse(execFileSync(process.execPath, ["-e", program], { encoding: "utf8" })) as { fromCache: boolean; name: string; answer: number };
  };

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
    fs.writeFileSync(path.join(folder, "dep.js"), 'exports.value = "dep";');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("runs the bundle as Node would: its exports, this, __filename, __dirname, require, and its line numbers", () => {
    fs.writeFileSync(bundlePath(), bundle("first", 42));
    const loaded = load();
    assert.equal(loaded.exports.name, "first");
    assert.equal(loaded.exports.answer(), 42);
    assert.deepEqual(loaded.exports.context, { thisIsExports: true, strict: true, filename: bundlePath(), dirname: folder, dep: "dep" });
    assert.throws(() => loaded.exports.fail(), (error: Error) => new RegExp(`${bundlePath().replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:6:`).test(error.stack ?? ""));
  });

  it("compiles from source the first time, saves the compiled code, and uses it the next time", () => {
    fs.writeFileSync(bundlePath(), bundle("first", 42));
    assert.deepEqual(loadInNewProcess(false), { fromCache: false, name: "first", answer: 42 });
    assert.deepEqual(caches(), [], "nothing is written before saveCache()");
    assert.deepEqual(loadInNewProcess(true), { fromCache: false, name: "first", answer: 42 });
    assert.equal(caches().length, 1);
    const written = fs.statSync(path.join(folder, caches()[0]!)).mtimeMs;
    assert.deepEqual(loadInNewProcess(true), { fromCache: true, name: "first", answer: 42 }, "V8 took the cached code");
    assert.equal(fs.statSync(path.join(folder, caches()[0]!)).mtimeMs, written, "a cache that was used is not written again");
  });

  it("never runs the code of another build, even of the same length, and removes that build's cache", () => {
    fs.writeFileSync(bundlePath(), bundle("first", 42));
    loadInNewProcess(true);
    const firstCache = caches()[0];
    fs.writeFileSync(bundlePath(), bundle("other", 43));
    assert.equal(fs.statSync(bundlePath()).size, bundle("first", 42).length, "the same length");
    assert.deepEqual(loadInNewProcess(true), { fromCache: false, name: "other", answer: 43 });
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], firstCache);
    assert.deepEqual(loadInNewProcess(false), { fromCache: true, name: "other", answer: 43 });
  });

  it("compiles from source when the cache is damaged (V8 itself checks only its header), and replaces it", () => {
    fs.writeFileSync(bundlePath(), bundle("first", 42));
    loadInNewProcess(true);
    const file = path.join(folder, caches()[0]!);
    const intact = fs.readFileSync(file);
    for (const damage of [
      (b: Buffer) => b.fill(0, Math.floor(b.length / 2), Math.floor(b.length / 2) + 64), // zeroed blocks in the code
      (b: Buffer) => b.subarray(0, b.length - 40), // cut short
      () => Buffer.from("not V8 code at all"),
    ]) {
      fs.writeFileSync(file, damage(Buffer.from(intact)));
      assert.deepEqual(loadInNewProcess(true), { fromCache: false, name: "first", answer: 42 });
      assert.deepEqual(loadInNewProcess(false), { fromCache: true, name: "first", answer: 42 }, "the damaged cache was replaced");
    }
  });

  it("keeps working where it cannot write, and leaves no temporary file behind", () => {
    fs.writeFileSync(bundlePath(), bundle("first", 42));
    loadInNewProcess(true);
    // The cache's place is taken by a folder: reading it fails, and so does putting a new cache there.
    const cachePath = path.join(folder, caches()[0]!);
    fs.rmSync(cachePath);
    fs.mkdirSync(cachePath);
    assert.deepEqual(loadInNewProcess(true), { fromCache: false, name: "first", answer: 42 });
    assert.deepEqual(
      fs.readdirSync(folder).filter((f) => f.endsWith(".tmp")),
      [],
    );
    // The folder is gone: writing fails at once.
    const loaded = load();
    fs.rmSync(folder, { recursive: true, force: true });
    assert.doesNotThrow(() => loaded.saveCache());
    assert.equal(loaded.exports.answer(), 42);
  });

  it("removes temporary files a write left behind, once they are old enough not to be another window's", () => {
    fs.writeFileSync(bundlePath(), bundle("first", 42));
    const abandoned = path.join(folder, "main.0123456789abcdef0123.v8cache.a1b2c3d4e5f6.tmp");
    const recent = path.join(folder, "main.0123456789abcdef0123.v8cache.0f1e2d3c4b5a.tmp");
    fs.writeFileSync(abandoned, "half");
    fs.writeFileSync(recent, "being written");
    const old = new Date(Date.now() - 5 * 60_000);
    fs.utimesSync(abandoned, old, old);
    loadInNewProcess(true);
    assert.equal(fs.existsSync(abandoned), false);
    assert.equal(fs.existsSync(recent), true);
  });
});
