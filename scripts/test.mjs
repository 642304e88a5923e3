#!/usr/bin/env node
// `npm test`: every stage, each ending with `<stage>: N passed, N failed`, then a table of stages, each
// failing test in a few lines (scripts/failureDigest.mjs), and the totals alone on the last line
// (`N passed, N failed`). Exit code 1 if anything failed.
//
//   check        npm run check (tsc --noEmit for both projects, eslint)
//   package      npm run package (vsce; its vscode:prepublish makes the production build) → test-results/vsix/
//   build        node esbuild.mjs (development bundle in dist/, after `package` so it is the one left)
//   compile      tsc -p tsconfig.test.json (tests, harness and simulator into out/)
//   unit         mocha --config .mocharc.json (plain Node)
//   integration  the extension-host suite inside code-server (out/test/host/runIntegration.js)
//   e2e          Playwright specs against the packaged .vsix (out/test/e2e/run.js)
//
// Stages run side by side as soon as what they need is done (most of a VS Code test is waiting for
// it, so two cores are enough); each stage's output is printed in one block when it ends. --serial
// runs them one at a time in the order above with live output.
// All test stages run even when one fails; integration/e2e are skipped only when what they run
// (the build / the .vsix) failed. tsc emits even with type errors, so a failed `compile` still leaves
// tests to run. Options: --only unit,integration (just these stages; `e2e` brings `package` along so
// it never rebuilds dist/ under a running integration stage), --skip e2e, --serial, --list.
// Env: MOCHA_GREP, VERBOSE, KEEP_RUN, NETBIRD_TEST_HOST_HOME (see test/README.md).
/* global setInterval, clearInterval */
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { failureDigest } from "./failureDigest.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const node = process.execPath;
const VSIX = join(root, "test-results", "vsix", "netbird-events.vsix");

// needs: stages whose failure skips this one; after: stages that must end first (any result).
const STAGES = [
  // check and unit are never the last to end: at a lower CPU priority they take what the two VS Code stages leave.
  { name: "check", kind: "step", cmd: ["npm", "run", "--silent", "check"], background: true },
  // The same `npm run package` a release uses, into the file e2e installs.
  { name: "package", kind: "step", cmd: ["npm", "run", "--silent", "package", "--", "-o", VSIX] },
  { name: "build", kind: "step", cmd: [node, "esbuild.mjs"], after: ["package"] },
  { name: "compile", kind: "step", cmd: [node, "node_modules/typescript/bin/tsc", "-p", "tsconfig.test.json"] },
  // After package and build: the packaging test lists dist/, which each of them removes and writes again.
  { name: "unit", kind: "mocha", cmd: [node, "node_modules/mocha/bin/mocha.js", "--config", ".mocharc.json"], files: "out/test/unit", after: ["compile", "package", "build"], background: true },
  { name: "integration", kind: "summary", cmd: [node, "out/test/host/runIntegration.js"], needs: ["build"], after: ["compile"] },
  { name: "e2e", kind: "summary", cmd: [node, "out/test/e2e/run.js"], needs: ["package"], after: ["compile"], env: { NETBIRD_E2E_VSIX: VSIX } },
];

function parseArgs(argv) {
  const names = STAGES.map((s) => s.name);
  let only = names;
  let skip = [];
  let serial = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (flag) => (arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : argv[++i] ?? "");
    if (arg === "--only" || arg.startsWith("--only=")) only = value("--only").split(",").map((s) => s.trim()).filter(Boolean);
    else if (arg === "--skip" || arg.startsWith("--skip=")) skip = value("--skip").split(",").map((s) => s.trim()).filter(Boolean);
    else if (arg === "--serial") serial = true;
    else if (arg === "--list") {
      console.log(names.join("\n"));
      process.exit(0);
    } else {
      console.error(`unknown argument ${arg}; use --only a,b / --skip a,b / --serial / --list`);
      process.exit(2);
    }
  }
  for (const name of [...only, ...skip]) {
    if (!names.includes(name)) {
      console.error(`unknown stage "${name}"; stages: ${names.join(", ")}`);
      process.exit(2);
    }
  }
  let selected = STAGES.filter((s) => only.includes(s.name) && !skip.includes(s.name));
  // e2e installs the .vsix of the `package` stage; packaging inside e2e would rebuild dist/ while an
  // integration stage loads it.
  if (selected.some((s) => s.name === "e2e") && !selected.some((s) => s.name === "package")) {
    selected = STAGES.filter((s) => s.name === "package" || selected.includes(s));
  }
  return { stages: selected, serial };
}

const running = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // The stages' own processes got the terminal's signal too and clean up; stop after they exit.
    if (running.size === 0) process.exit(130);
    for (const child of running) {
      child.on("exit", () => {
        if (running.size === 0) process.exit(130);
      });
      if (signal === "SIGTERM") child.kill("SIGTERM");
    }
  });
}

/** Runs a command; output goes to the terminal live (`live`) or is kept for printing in one block. */
function runCommand([command, ...args], { live, env, background }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    // Its own children (tsc, eslint, Node processes of tests) inherit the priority.
    if (background && child.pid !== undefined) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // not allowed here: it runs at normal priority
      }
    }
    running.add(child);
    let output = "";
    const keep = (chunk, stream) => {
      if (live) stream.write(chunk);
      output += chunk.toString();
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
    };
    child.stdout.on("data", (chunk) => keep(chunk, process.stdout));
    child.stderr.on("data", (chunk) => keep(chunk, process.stderr));
    child.once("error", (error) => {
      running.delete(child);
      output += `\n${error.message}\n`;
      resolve({ code: -1, output });
    });
    child.once("close", (code, signal) => {
      running.delete(child);
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
const header = (stage) => `\n━━ ${stage.name} ━━ ${stage.cmd.map((a) => (a === node ? "node" : a.startsWith(root) ? a.slice(root.length + 1) : a)).join(" ")}`;

async function runStage(stage, live, failedSteps) {
  const blocker = (stage.needs ?? []).find((n) => failedSteps.has(n));
  if (blocker) {
    console.log(`\n${stage.name}: 0 passed, 0 failed (skipped: ${blocker} failed)`);
    return { name: stage.name, passed: 0, failed: 0, ms: 0, note: `skipped: ${blocker} failed` };
  }
  if (stage.files && !hasFiles(join(root, stage.files), ".test.js")) {
    console.log(`\n${stage.name}: 0 passed, 0 failed (no test files in ${stage.files})`);
    return { name: stage.name, passed: 0, failed: 0, ms: 0, note: "no test files" };
  }
  if (live) console.log(header(stage));
  else console.log(`[test] ${stage.name} started`);
  if (stage.name === "package") mkdirSync(dirname(VSIX), { recursive: true });
  const t0 = Date.now();
  const { code, output } = await runCommand(stage.cmd, { live, env: stage.env, background: stage.background });
  const ms = Date.now() - t0;
  const { passed, failed } = count(stage, output, code);
  const failures = failed > 0 ? failureDigest(stage, output, code) : [];
  if (stage.kind === "step" && code !== 0) failedSteps.add(stage.name);
  if (!live) {
    console.log(header(stage));
    process.stdout.write(output.endsWith("\n") || output === "" ? output : `${output}\n`);
  }
  if (stage.kind !== "summary") console.log(`${stage.name}: ${passed} passed, ${failed} failed`);
  console.log(`[test] ${stage.name} took ${fmt(ms)}`);
  return { name: stage.name, passed, failed, ms, failures };
}

async function main() {
  const { stages, serial } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const failedSteps = new Set();
  const results = new Map();
  if (serial) {
    for (const stage of stages) results.set(stage.name, await runStage(stage, true, failedSteps));
  } else {
    const selected = new Set(stages.map((s) => s.name));
    const done = new Set();
    const pending = new Map();
    // A dependency that is not selected counts as done (e.g. `--only integration` after a build).
    const ready = (stage) => [...(stage.needs ?? []), ...(stage.after ?? [])].every((n) => !selected.has(n) || done.has(n));
    const heartbeat = setInterval(() => {
      if (pending.size > 0) console.log(`[test] running: ${[...pending.keys()].join(", ")} (${fmt(Date.now() - started)})`);
    }, 30_000);
    while (done.size < stages.length) {
      for (const stage of stages) {
        if (done.has(stage.name) || pending.has(stage.name) || !ready(stage)) continue;
        pending.set(
          stage.name,
          runStage(stage, false, failedSteps).then((result) => ({ stage, result })),
        );
      }
      const { stage, result } = await Promise.race(pending.values());
      pending.delete(stage.name);
      done.add(stage.name);
      results.set(stage.name, result);
    }
    clearInterval(heartbeat);
  }

  const rows = stages.map((s) => results.get(s.name));
  const width = Math.max(...rows.map((r) => r.name.length), 5);
  console.log(`\n━━ summary ━━ (${fmt(Date.now() - started)}${serial ? ", one stage at a time" : ", stages side by side"})`);
  for (const r of rows) {
    const status = r.failed > 0 ? "FAIL" : r.note ? "skip" : "ok";
    console.log(`  ${status.padEnd(4)} ${r.name.padEnd(width)}  ${String(r.passed).padStart(4)} passed, ${String(r.failed).padStart(3)} failed  ${fmt(r.ms).padStart(8)}${r.note ? `  (${r.note})` : ""}`);
  }
  // What failed, after the table and before the totals: the end of the output says it all.
  for (const r of rows) {
    for (const f of r.failures ?? []) console.log(`  ✗ ${r.name}: ${f}`);
  }
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
