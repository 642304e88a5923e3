// What every scenario gets: the session, the number of runs, and helpers shared between scenarios.
import type { LoggedRequest } from "../../simulator/server";
import type { Session } from "../lib/session";
import type { TrafficWebview } from "../webview/webview";

export interface BenchConfig {
  /** Measured runs per metric (plus one warm-up run that is not counted). */
  runs: number;
  auditCount: number;
  trafficCount: number;
  /** Traffic filters every traffic scenario starts from: the whole dataset. */
  trafficFrom: string;
  pageSizes: number[];
}

export interface Context {
  config: BenchConfig;
  session: Session;
  /** The Traffic Events webview, once a scenario opened it. */
  webview?: TrafficWebview;
  log(line: string): void;
}

/** Agent task with a typed result. */
export function agent<T>(ctx: Context, task: string, args: unknown = {}, timeoutMs?: number): Promise<T> {
  if (!ctx.session.link) throw new Error("this session has no bench agent");
  return ctx.session.link.call<T>(task, args, timeoutMs);
}

/** The simulator's API requests made while `work` ran (after the extension went idle again). */
export async function requestsDuring<T>(ctx: Context, work: () => Promise<T>): Promise<{ value: T; requests: LoggedRequest[] }> {
  const before = ctx.session.sim.requests.length;
  const value = await work();
  await agent(ctx, "idle");
  return { value, requests: ctx.session.sim.requests.slice(before) };
}

/** `/path?query` of a logged request, exactly as sent (parameters in their order). */
export function pathOf(request: LoggedRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  const query = params.toString();
  return query ? `${request.path}?${query}` : request.path;
}

/** Requests that repeat an earlier one of the same list (same path and query). */
export function duplicates(requests: readonly LoggedRequest[]): number {
  const seen = new Set<string>();
  let count = 0;
  for (const r of requests) {
    const key = pathOf(r);
    if (seen.has(key)) count++;
    seen.add(key);
  }
  return count;
}

