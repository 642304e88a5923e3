// Renders the README's "Reliability and security" table (between <!-- reliability:start --> and
// <!-- reliability:end -->) from the case list (test/integration/reliability/catalogue.ts) and the results
// the last runs recorded in test-results/reliability/*.json (integration: npm run test:integration; e2e:
// node out/test/e2e/run.js out/test/e2e/hostile.e2e.js out/test/e2e/races.e2e.js).
//
//   node out/scripts/reliabilityTable.js           print the section
//   node out/scripts/reliabilityTable.js --write   update README.md
//
// Exits 1 when a case has no test in its file, or has no result or a failed one.
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../test/host/paths";
import { replaceReadmeSection, tableCell } from "./readmeSection";
import { RELIABILITY_CASES, RESULTS_DIR, type CaseResult, type ReliabilityArea, type ReliabilityCase } from "../test/integration/reliability/catalogue";

const AREAS: readonly ReliabilityArea[] = ["Fault matrix", "Hostile data", "Token hygiene", "Load and races"];


/** Every recorded result, by case ID (a case tested by several tests passes only when all of them did). */
export function readResults(root: string): Map<string, CaseResult[]> {
  const dir = path.join(root, RESULTS_DIR);
  const byId = new Map<string, CaseResult[]>();
  if (!fs.existsSync(dir)) return byId;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    for (const result of JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CaseResult[]) {
      byId.set(result.id, [...(byId.get(result.id) ?? []), result]);
    }
  }
  return byId;
}

/** Cases whose test file does not mention their ID (so no test can carry the `[ID]` title). */
export function casesWithoutTest(root: string, cases: readonly ReliabilityCase[] = RELIABILITY_CASES): ReliabilityCase[] {
  return cases.filter((c) => {
    const file = path.join(root, c.file);
    return !fs.existsSync(file) || !fs.readFileSync(file, "utf8").includes(`"${c.id}"`);
  });
}

function outcome(results: CaseResult[] | undefined): "passed" | "failed" | "not run" {
  if (!results || results.length === 0) return "not run";
  return results.every((r) => r.state === "passed") ? "passed" : "failed";
}

export function renderSection(results: Map<string, CaseResult[]>, cases: readonly ReliabilityCase[] = RELIABILITY_CASES): string {
  const tried = cases.filter((c) => outcome(results.get(c.id)) !== "not run").length;
  const passed = cases.filter((c) => outcome(results.get(c.id)) === "passed").length;
  const lines: string[] = [
    "Every promise below is an automated test against the NetBird simulator (and servers, proxies and TLS in front of it, all on",
    "loopback): **integration** tests run in the real extension host (code-server), **e2e** tests drive the packaged `.vsix` in the real",
    "workbench with Playwright. Each fault test checks the message (cause and next step), that retries are bounded, and that exactly one",
    "notification appears (none when the traffic panel explains the error itself); \"kept\" means the last good audit list stays visible,",
    "marked stale, with the user's filter applied, and the next refresh works. The run fails on any unhandled promise rejection in the",
    "extension host.",
    "",
    `**${cases.length} cases, ${tried} tried, ${passed} passed** in the last run (\`npm run test:integration\` and the \`hostile\`/\`races\` e2e specs;`,
    "table: `node out/scripts/reliabilityTable.js --write`, see [test/integration/reliability/README.md](test/integration/reliability/README.md)).",
  ];
  for (const area of AREAS) {
    const rows = cases.filter((c) => c.area === area).sort((a, b) => a.id.localeCompare(b.id));
    lines.push("", `**${area}**`, "", "| ID | Case | What the user sees / what the test proves | Test | Result |", "|---|---|---|---|---|");
    for (const c of rows) {
      const result = outcome(results.get(c.id));
      const mark = result === "passed" ? "✅ passed" : result === "failed" ? "❌ failed" : "not run";
      lines.push(`| ${c.id} | ${tableCell(c.case)} | ${tableCell(c.expect)} | [${c.stage}](${c.file}) | ${mark} |`);
    }
  }
  return lines.join("\n");
}

if (require.main === module) {
  const root = REPO_ROOT;
  const results = readResults(root);
  const section = renderSection(results);
  const readmePath = path.join(root, "README.md");
  if (process.argv.includes("--write")) fs.writeFileSync(readmePath, replaceReadmeSection(fs.readFileSync(readmePath, "utf8"), "reliability", section));
  else process.stdout.write(`${section}\n`);
  const untested = casesWithoutTest(root);
  const notPassed = RELIABILITY_CASES.filter((c) => outcome(results.get(c.id)) !== "passed");
  for (const c of untested) console.error(`[reliability] ${c.id} has no test in ${c.file}`);
  for (const c of notPassed) console.error(`[reliability] ${c.id} ${outcome(results.get(c.id))}: ${results.get(c.id)?.find((r) => r.error)?.error ?? ""}`);
  process.exitCode = untested.length > 0 || notPassed.length > 0 ? 1 : 0;
}
