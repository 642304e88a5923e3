// The failures of one `npm test` stage in a few lines each, printed by scripts/test.mjs after the summary
// table (a CI log may show only its tail). Kept free of side effects so a unit test can import it.

/** A stack frame: "at fn (file:line:col)" or "at file:line:col". */
const STACK_LINE = /^at .*:\d+:\d+\)?$/;

/** The last non-empty lines of an output, trimmed. */
const lastLines = (output, count) => (count > 0 ? output.split("\n").map((l) => l.trim()).filter(Boolean).slice(-count) : []);

/**
 * The failures of a stage in a few lines each, for the end of the run (CI may show only its tail):
 * mocha's numbered failures (title and the first lines of the error, no stack), or a failed step's
 * last lines.
 */
export function failureDigest(stage, output, code, maxLines = 4) {
  const clip = (line) => (line.length > 200 ? `${line.slice(0, 199)}…` : line);
  if (stage.kind === "step") return code === 0 ? [] : [lastLines(output, maxLines).map(clip).join("\n    ")];
  const marks = [...output.matchAll(/^\s*\d+ failing\s*$/gm)];
  const mark = marks.at(-1);
  if (!mark) return code === 0 ? [] : [[`exited with code ${code} without a mocha summary`, ...lastLines(output, maxLines - 1)].map(clip).join("\n    ")];
  const lines = output.slice(mark.index + mark[0].length).split("\n");
  const entries = [];
  let current;
  for (const raw of lines) {
    const start = /^\s{0,4}(\d+)\) (.*)$/.exec(raw);
    if (start) {
      // A test outside any describe (or a root hook) has its whole title on this line, ending in ":".
      const title = start[2].trim();
      const whole = title.endsWith(":");
      current = { title: [`${start[1]}) ${whole ? title.slice(0, -1) : title}`], titleDone: whole, error: [] };
      entries.push(current);
      continue;
    }
    const line = raw.trim();
    if (!current || !line) continue;
    // A line printed after mocha's report (the harness's own) ends the failures.
    if (/^\[[a-z][\w-]*\] |^\w+: \d+ passed, \d+ failed/.test(line)) {
      current = undefined;
      continue;
    }
    if (!current.titleDone) {
      current.title.push(line.endsWith(":") ? line.slice(0, -1) : line);
      current.titleDone = line.endsWith(":");
    } else if (!STACK_LINE.test(line) && current.error.length < maxLines - 1) {
      current.error.push(line);
    }
  }
  return entries.map((e) => [e.title.join(" › "), ...e.error].map(clip).join("\n    "));
}
