// Development aid: what moving N bytes from the extension host to a webview costs in this VS Code (round
// trips through a trivial webview that answers at once), per kind of payload. Not part of `npm run bench`.
//   node out/bench/transport.js
import * as path from "node:path";
import { REPO_ROOT, resultsDir } from "../test/host/paths";
import { installHost, runCleanups } from "../test/host/processes";
import { runTool, startSession } from "./lib/session";
import { summarize } from "./lib/stats";

async function main(): Promise<void> {
  await installHost();
  const session = await startSession({ extensionPath: path.resolve(process.env.NETBIRD_BENCH_EXTENSION || REPO_ROOT), resultsDir: resultsDir("bench"), simulator: { auditCount: 10, trafficCount: 10 } });
  try {
    const sizes = [100_000, 1_000_000, 4_000_000, 12_000_000];
    const results = await session.link!.call<{ kind: string; bytes: number; ms: number[] }[]>("transport", { sizes, kinds: ["uint8", "float64", "string", "objects"], rounds: 4 }, 600_000);
    for (const r of results) {
      const s = summarize(r.ms);
      console.log(`${r.kind.padEnd(8)} ${(r.bytes / 1e6).toFixed(1).padStart(5)} MB  median ${s.median.toFixed(0).padStart(5)} ms  (${s.min.toFixed(0)}–${s.max.toFixed(0)})  ${((r.bytes / 1e6) / (s.median / 1000)).toFixed(0)} MB/s`);
    }
  } finally {
    await session.close();
    await runCleanups();
  }
}

runTool(main);
