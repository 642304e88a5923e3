// Records the result of every reliability case (tests titled `[ID] …`, see catalogue.ts) of the suite it
// is called in, and writes them to test-results/reliability/<file> after the suite, for
// scripts/reliabilityTable.ts. Plain mocha and Node: used by the integration suite and the e2e specs.
import * as fs from "node:fs";
import * as path from "node:path";
import { caseIdOf, RESULTS_DIR, type CaseResult } from "./catalogue";

/** Registers afterEach/after hooks in the current suite (the root suite when called outside a describe). */
export function recordCaseResults(repoRoot: () => string, file: string): void {
  const results: CaseResult[] = [];
  afterEach(function () {
    const test = this.currentTest;
    const id = test ? caseIdOf(test.title) : undefined;
    if (!test || !id || (test.state !== "passed" && test.state !== "failed")) return;
    results.push({ id, state: test.state, durationMs: test.duration ?? 0, ...(test.err ? { error: String(test.err.message).slice(0, 500) } : {}) });
  });
  after(function () {
    if (results.length === 0) return;
    const dir = path.join(repoRoot(), RESULTS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(results, null, 2)}\n`);
  });
}
