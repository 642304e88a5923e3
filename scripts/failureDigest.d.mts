/** Types of failureDigest.mjs (plain JavaScript: scripts/test.mjs runs before anything is compiled). */
export interface DigestStage {
  /** "step": a command that passes or fails; "mocha" / "summary": a test run with mocha's report in its output. */
  readonly kind: "step" | "mocha" | "summary";
}

/** The failures of a stage in a few lines each (at most `maxLines` per failure, default 4). */
export function failureDigest(stage: DigestStage, output: string, code: number, maxLines?: number): string[];
