// Builds the bundles of the extension:
//   dist/extension.js       what VS Code loads: runs dist/main.js through a V8 code cache (src/bootstrap/)
//   dist/main.js            the extension host bundle (Node, CommonJS, `vscode` external)
//   dist/undici.js          undici, loaded by the extension on its first API request
//   dist/webview/*.js|css   the webview bundle(s) (browser, IIFE) plus the codicon font they use
// Flags: --production (minify, no source maps), --watch (rebuild on change).
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** Prints esbuild problems in the format of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: "problem-matcher",
  setup(build) {
    build.onStart(() => console.log("[watch] build started"));
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log("[watch] build finished");
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : "linked",
  sourcesContent: false,
  logLevel: "warning",
  legalComments: production ? "none" : "inline",
  plugins: watch ? [problemMatcher] : [],
};

/**
 * undici's HTTP parser ships as two base64 WebAssembly modules (about 145 KB) that it requires lazily, on
 * the first request. Keep them out of the bundle, next to it in dist/llhttp/, so activation parses less.
 */
const lazyLlhttp = {
  name: "lazy-llhttp",
  setup(build) {
    build.onResolve({ filter: /llhttp(_simd)?-wasm\.js$/ }, (args) => ({
      path: `./llhttp/${args.path.split("/").pop()}`,
      external: true,
    }));
  },
};

/**
 * undici itself (about 170 KB minified, 60% of the extension) is only needed for the first API request. It
 * is built into its own file, dist/undici.js, which src/core/api/dispatcher.ts requires when it creates the
 * connection pool, so activation compiles and runs only the rest.
 */
const lazyUndici = {
  name: "lazy-undici",
  setup(build) {
    build.onResolve({ filter: /^\.\/undiciParts$/ }, (args) =>
      args.importer.endsWith("dispatcher.ts") && args.kind === "require-call" ? { path: "./undici.js", external: true } : undefined,
    );
  },
};

/**
 * `import * as vscode from "vscode"` in each of ~20 modules would make esbuild copy every property of the API
 * object (about 300 namespaces, classes and enums) into a fresh namespace object per module at activation.
 * All of them import one shared module instead, which re-exports `vscode` once.
 */
const sharedVscode = {
  name: "shared-vscode",
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === "shared-vscode" ? { path: "vscode", external: true } : { path: "vscode", namespace: "shared-vscode" },
    );
    build.onLoad({ filter: /.*/, namespace: "shared-vscode" }, () => ({ contents: 'export * from "vscode";', loader: "js" }));
  },
};

function copyLlhttp() {
  mkdirSync("dist/llhttp", { recursive: true });
  for (const f of ["llhttp-wasm.js", "llhttp_simd-wasm.js"]) cpSync(`node_modules/undici/lib/llhttp/${f}`, `dist/llhttp/${f}`);
}

/**
 * The extension host's two bundles: dist/extension.js, the small loader VS Code runs first (package.json
 * "main"), and dist/main.js, the extension, which the loader runs through its V8 code cache.
 */
const extensionBuild = {
  ...common,
  entryPoints: { extension: "src/bootstrap/extensionEntry.ts", main: "src/extension.ts" },
  outdir: "dist",
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  metafile: true,
  plugins: [...common.plugins, lazyLlhttp, lazyUndici, sharedVscode],
};

const undiciBuild = {
  ...common,
  entryPoints: { undici: "src/core/api/undiciParts.ts" },
  outdir: "dist",
  platform: "node",
  format: "cjs",
  target: "node20",
  plugins: [...common.plugins, lazyLlhttp],
};

const webviewBuild = {
  ...common,
  entryPoints: { traffic: "src/webview-ui/traffic/main.ts" }, // main.ts imports traffic.css -> traffic.css
  outdir: "dist/webview",
  platform: "browser",
  format: "iife",
  target: ["chrome120"],
  loader: { ".ttf": "file" },
};

function copyCodicons() {
  mkdirSync("dist/webview/codicons", { recursive: true });
  for (const f of ["codicon.css", "codicon.ttf"]) {
    cpSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/webview/codicons/${f}`);
  }
}

rmSync("dist", { recursive: true, force: true });
copyCodicons();
copyLlhttp();
if (watch) {
  const contexts = await Promise.all([esbuild.context(extensionBuild), esbuild.context(undiciBuild), esbuild.context(webviewBuild)]);
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all([esbuild.build(extensionBuild), esbuild.build(undiciBuild), esbuild.build(webviewBuild)]);
}
