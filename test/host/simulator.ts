// Starts the NetBird simulator (simulator/server.ts, compiled to out/simulator/server.js) in this process,
// and turns it into the environment the extension-host tests read (test/integration/env.ts).
import type { Simulator, SimulatorOptions } from "../../simulator/server";

export type { Simulator, SimulatorOptions };

/** Starts a simulator on 127.0.0.1 (a free port unless `options.port`). */
export async function startTestSimulator(options?: SimulatorOptions): Promise<Simulator> {
  // Loaded on first use, so a broken simulator build fails the run with a message (and a summary line)
  // instead of crashing the runner while it loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSimulator } = require("../../simulator/server") as typeof import("../../simulator/server");
  const sim = await startSimulator(options);
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(sim.url)) {
    await sim.close();
    throw new Error(`the simulator must listen on 127.0.0.1, got ${sim.url}`);
  }
  return sim;
}

/** The simulator's control routes (`/__simulator/*`). */
export const controlUrl = (sim: Simulator): string => `${sim.url}/__simulator`;

/** The variables the harness passes into the extension host (read by test/integration/env.ts). */
export function simulatorEnvironment(sim: Simulator): Record<string, string> {
  return {
    NETBIRD_TEST_SIMULATOR_URL: sim.url,
    NETBIRD_TEST_SIMULATOR_CONTROL_URL: controlUrl(sim),
    NETBIRD_TEST_TOKENS: JSON.stringify(sim.tokens),
  };
}
