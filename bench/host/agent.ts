// The bench agent: loaded by the extension host as `extensionTestsPath` (like test/integration/index.ts),
// it does not run tests but serves tasks from the bench runner (bench/lib/agentLink.ts) until told to exit,
// so measurements that belong inside the extension host (timings of commands, heap, the API client's
// counters, the floor fetched in this same Node) are taken here while the runner drives the workbench and
// the webview with Playwright.
import * as http from "node:http";
import type { AgentResult, AgentTask as Task } from "../lib/agentLink";
import { TASKS } from "./tasks";

function post(base: string, route: string, body: unknown, timeoutMs = 60_000): Promise<{ status: number; text: string }> {
  const data = Buffer.from(JSON.stringify(body ?? {}));
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${route}`, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": data.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${route} timed out`)));
    req.on("error", reject);
    req.end(data);
  });
}

export async function run(): Promise<void> {
  const base = process.env.NETBIRD_BENCH_RPC;
  if (!base) throw new Error("NETBIRD_BENCH_RPC is not set: start the agent through bench/run.ts");
  const log = (line: string) => void post(base, "/log", { line }).catch(() => undefined);
  await post(base, "/hello", {});
  for (;;) {
    let task: Task | undefined;
    try {
      const answer = await post(base, "/next", {}, 60_000);
      if (answer.status === 204) continue;
      task = JSON.parse(answer.text) as Task;
    } catch {
      // The runner is gone: end the extension test run.
      return;
    }
    if (task.task === "exit") {
      await post(base, "/result", { id: task.id, ok: true, value: "bye" }).catch(() => undefined);
      return;
    }
    const fn = TASKS[task.task];
    let result: AgentResult;
    try {
      if (!fn) throw new Error(`unknown task ${task.task}`);
      result = { id: task.id, ok: true, value: await fn(task.args as never, log) };
    } catch (error) {
      result = { id: task.id, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error) };
    }
    await post(base, "/result", result).catch(() => undefined);
  }
}
