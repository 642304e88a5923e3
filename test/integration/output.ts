// Output from inside the extension host that the code-server harness shows by default.
import * as util from "node:util";

/** Set by test/host/runIntegration.ts; lines starting with it are shown, the workbench's own logs are not (unless VERBOSE=1). */
export const OUTPUT_MARKER = process.env.NETBIRD_TEST_OUTPUT_MARKER ?? "";

/**
 * console.log for tests: printf-style, always shown in the harness output (plain console.log from a test
 * or the extension reaches the harness too, but is only shown with VERBOSE=1 or in the saved console.log).
 */
export function testLog(...args: unknown[]): void {
  console.log(OUTPUT_MARKER + util.format(...args));
}
