// Calls the NetBird simulator's control routes (`/__simulator/*`, no auth, not logged) over fetch.
// Free of `vscode`, so e2e specs (plain Node) can use it too. Types come from simulator/server.ts
// (type-only imports: nothing of the simulator is loaded into the extension host).
import type { DatasetSwitch, Fault, LoggedRequest, SimulatorInfo } from "../../simulator/server";
import { simulatorEnv } from "./env";

export type { DatasetSwitch, Fault, LoggedRequest, SimulatorInfo };

export class SimulatorControl {
  /** @param controlUrl e.g. http://127.0.0.1:PORT/__simulator */
  constructor(readonly controlUrl: string) {}

  /** The control client of this run's simulator (from the harness environment). */
  static fromEnv(): SimulatorControl {
    return new SimulatorControl(simulatorEnv().controlUrl);
  }

  /** Any control route: `call("POST", "faults", [...])`; returns the parsed JSON answer (undefined for 204). */
  async call<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    const url = `${this.controlUrl}/${route.replace(/^\/+/, "")}`;
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** GET /__simulator/info: URL, dataset, seed, now, account ids, tokens, counts, active faults. */
  info(): Promise<SimulatorInfo> {
    return this.call<SimulatorInfo>("GET", "info");
  }

  /** GET /__simulator/requests: the API requests so far, oldest first (credentials only as sha256). */
  requests(): Promise<LoggedRequest[]> {
    return this.call<LoggedRequest[]>("GET", "requests");
  }

  /** The logged API requests whose path starts with `prefix`, e.g. "/api/events/audit". */
  async requestsTo(prefix: string, method = "GET"): Promise<LoggedRequest[]> {
    return (await this.requests()).filter((r) => r.path.startsWith(prefix) && r.method === method);
  }

  /** DELETE /__simulator/requests: empties the request log. */
  async clearRequests(): Promise<void> {
    await this.call("DELETE", "requests");
  }

  /** POST /__simulator/faults: replaces the fault list (the first matching fault applies). */
  async setFaults(faults: Fault | readonly Fault[]): Promise<void> {
    await this.call("POST", "faults", faults);
  }

  /** DELETE /__simulator/faults. */
  async clearFaults(): Promise<void> {
    await this.call("DELETE", "faults");
  }

  /** POST /__simulator/dataset: rebuilds the data; options not given keep their values. */
  setDataset(change: DatasetSwitch): Promise<SimulatorInfo> {
    return this.call<SimulatorInfo>("POST", "dataset", change);
  }

  /** Clears faults and the request log (for afterEach/beforeEach). */
  async reset(): Promise<void> {
    await this.clearFaults();
    await this.clearRequests();
  }
}
