#!/usr/bin/env node
// `npm test`: every stage in order, each ending with `<stage>: N passed, N failed`, then the totals
// alone on the last line (`N passed, N failed`). Exit code 1 if anything failed.
//
//   check        npm run check (tsc --noEmit for both projects, eslint)
//   build        node esbuild.mjs (development bundle: dist/)
//   compile      tsc -p tsconfig.test.json (tests, harness and simulator into out/)
//   unit         mocha --config .mocharc.json (plain Node)
//   integration  the extension-host suite inside code-server (out/test/host/runIntegration.js)
//   e2e          Playwright specs against the packaged .vsix (out/test/e2e/run.js)
//
// All test stages run even when one fails; integration/e2e are skipped only when the build failed
// (tsc emits even with type errors, so a failed `compile` still leaves tests to run). Options: --only unit,integration (run just these stages, in the order above),
// --skip e2e, --list. Env: MOCHA_GREP, VERBOSE, KEEP_RUN, NETBIRD_TEST_HOST_HOME (see test/README.md).
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const node = process.execPath;

const STAGES = [
  { name: "check", kind: "step", cmd: ["npm", "run", "--silent", "check"] },
  { name: "build", kind: "step", cmd: [node, "esbuild.mjs"] },
  { name: "compile", kind: "step", cmd: [node, "node_modules/typescript/bin/tsc", "-p", "tsconfig.test.json"] },
  // tsc emits even with type errors (they fail `check` and `compile`), so the tests still run then.
  { name: "unit", kind: "mocha", cmd: [node, "node_modules/mocha/bin/mocha.js", "--config", ".mocharc.json"], files: "out/test/unit" },
  { name: "integration", kind: "summary", cmd: [node, "out/test/host/runIntegration.js"], needs: ["build"] },
  { name: "e2e", kind: "summary", cmd: [node, "out/test/e2e/run.js"], needs: ["build"] },
];

function parseArgs(argv) {
  const names = STAGES.map((s) => s.name);
  let only = names;
  let skip = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (flag) => (arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : argv[++i] ?? "");
    if (arg === "--only" || arg.startsWith("--only=")) only = value("--only").split(",").map((s) => s.trim()).filter(Boolean);
    else if (arg === "--skip" || arg.startsWith("--skip=")) skip = value("--skip").split(",").map((s) => s.trim()).filter(Boolean);
    else if (arg === "--list") {
      console.log(names.join("\n"));
      process.exit(0);
    } else {
      console.error(`unknown argument ${arg}; use --only a,b / --skip a,b / --list`);
      process.exit(2);
    }
  }
  for (const name of [...only, ...skip]) {
    if (!names.includes(name)) {
      console.error(`unknown stage "${name}"; stages: ${names.join(", ")}`);
      process.exit(2);
    }
  }
  return STAGES.filter((s) => only.includes(s.name) && !skip.includes(s.name));
}

let current;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // The stage's own process got the terminal's signal too and cleans up; stop after it exits.
    if (current) current.on("exit", () => process.exit(130));
    else process.exit(130);
    if (signal === "SIGTERM") current?.kill("SIGTERM");
  });
}

function runCommand([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ["inherit", "pipe", "pipe"], env: process.env });
    current = child;
    let output = "";
    const keep = (chunk) => {
      output += chunk.toString();
      if (output.length > 2_000_000) output = output.slice(-1_000_000);
    };
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    child.once("error", (error) => {
      output += `\n${error.message}\n`;
      resolve({ code: -1, output });
    });
    child.once("close", (code, signal) => {
      current = undefined;
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

function hasFiles(dir, suffix) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(suffix));
}

/** Counts from the output of a stage: the `<stage>: N passed, N failed` line, or mocha's summary. */
function count(stage, output, code) {
  let passed = 0;
  let failed = 0;
  if (stage.kind === "step") {
    return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }
  if (stage.kind === "summary") {
    const lines = [...output.matchAll(new RegExp(`^${stage.name}: (\\d+) passed, (\\d+) failed`, "gm"))];
    const last = lines.at(-1);
    if (last) [passed, failed] = [Number(last[1]), Number(last[2])];
  } else {
    const p = [...output.matchAll(/^\s*(\d+) passing\b/gm)].at(-1);
    const f = [...output.matchAll(/^\s*(\d+) failing\s*$/gm)].at(-1);
    passed = p ? Number(p[1]) : 0;
    failed = f ? Number(f[1]) : 0;
  }
  // A crash, a load error or a missing summary counts as a failure.
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const stages = parseArgs(process.argv.slice(2));
  const results = [];
  const failedSteps = new Set();
  const started = Date.now();
  for (const stage of stages) {
    const blocker = (stage.needs ?? []).find((n) => failedSteps.has(n));
    if (blocker) {
      console.log(`\n${stage.name}: 0 passed, 0 failed (skipped: ${blocker} failed)`);
      results.push({ name: stage.name, passed: 0, failed: 0, ms: 0, note: `skipped: ${blocker} failed` });
      continue;
    }
    console.log(`\n━━ ${stage.name} ━━ ${stage.cmd.map((a) => (a === node ? "node" : a)).join(" ")}`);
    const t0 = Date.now();
    if (stage.files && !hasFiles(join(root, stage.files), ".test.js")) {
      console.log(`${stage.name}: 0 passed, 0 failed (no test files in ${stage.files})`);
      results.push({ name: stage.name, passed: 0, failed: 0, ms: 0, note: "no test files" });
      continue;
    }
    const { code, output } = await runCommand(stage.cmd);
    const ms = Date.now() - t0;
    const { passed, failed } = count(stage, output, code);
    if (stage.kind === "step" && code !== 0) failedSteps.add(stage.name);
    if (stage.kind !== "summary") console.log(`${stage.name}: ${passed} passed, ${failed} failed`);
    console.log(`[test] ${stage.name} took ${fmt(ms)}`);
    results.push({ name: stage.name, passed, failed, ms });
  }

  const width = Math.max(...results.map((r) => r.name.length), 5);
  console.log(`\n━━ summary ━━ (${fmt(Date.now() - started)})`);
  for (const r of results) {
    const status = r.failed > 0 ? "FAIL" : r.note ? "skip" : "ok";
    console.log(`  ${status.padEnd(4)} ${r.name.padEnd(width)}  ${String(r.passed).padStart(4)} passed, ${String(r.failed).padStart(3)} failed  ${fmt(r.ms).padStart(8)}${r.note ? `  (${r.note})` : ""}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
