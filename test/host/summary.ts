// Counts mocha's spec-reporter summary ("N passing", "N failing", "N pending") from forwarded output.

export class MochaSummary {
  passing = 0;
  failing = 0;
  pending = 0;
  /** True once a "N passing" line was seen. */
  seen = false;

  /** Feeds one or more lines of output. */
  feed(text: string): void {
    for (const line of text.split(/\r?\n/)) {
      let m = /^\s*(\d+) passing\b/.exec(line);
      if (m) {
        this.passing = Number(m[1]);
        this.seen = true;
        continue;
      }
      m = /^\s*(\d+) failing\s*$/.exec(line);
      if (m) this.failing = Number(m[1]);
      m = /^\s*(\d+) pending\s*$/.exec(line);
      if (m) this.pending = Number(m[1]);
    }
  }
}

/** Formats the stage summary line the CI log and scripts/test.mjs read: `<stage>: N passed, N failed`. */
export function summaryLine(stage: string, passed: number, failed: number): string {
  return `${stage}: ${passed} passed, ${failed} failed`;
}
