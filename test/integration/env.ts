// Typed access to what the harness passes into the extension host (extensionEnvironment of the
// workbench payload, or extensionTestsEnv of @vscode/test-electron).
//   NETBIRD_TEST_SIMULATOR_URL          base URL of the NetBird simulator (also the netbird.managementUrl setting)
//   NETBIRD_TEST_SIMULATOR_CONTROL_URL  its control routes, `${url}/__simulator`
//   NETBIRD_TEST_TOKENS                 JSON object of named API tokens ({ owner: "...", ... })
//   MOCHA_GREP                          only run matching tests (read by index.ts)

export interface SimulatorEnv {
  /** e.g. http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  /** e.g. http://127.0.0.1:PORT/__simulator */
  controlUrl: string;
  /** Named API tokens; `owner` is the default account owner. */
  tokens: Record<string, string>;
}

/** The simulator of this run; throws a clear error when the harness started none. */
export function simulatorEnv(): SimulatorEnv {
  const url = process.env.NETBIRD_TEST_SIMULATOR_URL?.replace(/\/+$/, "");
  if (!url) {
    throw new Error("NETBIRD_TEST_SIMULATOR_URL is not set: run the suite through the harness (npm run test:integration)");
  }
  const controlUrl = process.env.NETBIRD_TEST_SIMULATOR_CONTROL_URL?.replace(/\/+$/, "") || `${url}/__simulator`;
  let tokens: Record<string, string> = {};
  if (process.env.NETBIRD_TEST_TOKENS) {
    const parsed: unknown = JSON.parse(process.env.NETBIRD_TEST_TOKENS);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("NETBIRD_TEST_TOKENS must be a JSON object");
    tokens = parsed as Record<string, string>;
  }
  return { url, controlUrl, tokens };
}

/** A named token of the simulator (default: the account owner's); throws when there is none. */
export function token(name = "owner"): string {
  const value = simulatorEnv().tokens[name];
  if (!value) throw new Error(`the simulator has no token named "${name}" (have: ${Object.keys(simulatorEnv().tokens).join(", ") || "none"})`);
  return value;
}
