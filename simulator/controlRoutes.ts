/** The simulator's control routes, `/__simulator/*`: no auth, no faults, not logged. */
import type { IncomingMessage } from "node:http";
import { DATASET_KINDS, type DatasetKind } from "./dataset";
import { parseFaults, type Fault } from "./faults";
import { goJson } from "./goJson";
import { errorResponse, jsonResponse, type SimResponse } from "./http";
import type { LoggedRequest } from "./requestLog";
import type { DatasetSwitch, SimulatorInfo } from "./server";

/** What the control routes may do to a running simulator. */
export interface SimulatorControls {
  info(): SimulatorInfo;
  faults(): readonly Fault[];
  setFaults(faults: readonly Fault[]): void;
  requests(): readonly LoggedRequest[];
  clearRequests(): void;
  setDataset(change: DatasetSwitch): void;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : (JSON.parse(text) as unknown);
}

/** Checks a POST /__simulator/dataset body; returns an error message or the change. */
function parseDatasetSwitch(body: unknown): DatasetSwitch | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "the body is an object";
  const b = body as Record<string, unknown>;
  if (b.dataset !== undefined && !DATASET_KINDS.includes(b.dataset as DatasetKind)) return `dataset is one of ${DATASET_KINDS.join(", ")}`;
  for (const key of ["auditCount", "trafficCount", "seed", "now"]) {
    if (b[key] !== undefined && (typeof b[key] !== "number" || !Number.isFinite(b[key]) || (b[key] as number) < 0)) return `${key} is a number >= 0`;
  }
  for (const key of ["trafficAvailable", "trafficLoggingEnabled", "packetCounterEnabled"]) {
    if (b[key] !== undefined && typeof b[key] !== "boolean") return `${key} is a boolean`;
  }
  return b as DatasetSwitch;
}

export async function handleControl(req: IncomingMessage, path: string, controls: SimulatorControls): Promise<SimResponse> {
  const ok = (value: unknown): SimResponse => jsonResponse(200, goJson(value));
  const noContent: SimResponse = { status: 204, headers: {}, chunks: [] };
  const bad = (message: string): SimResponse => errorResponse(400, message);
  const method = req.method ?? "GET";
  switch (`${method} ${path}`) {
    case "GET /__simulator/info":
      return ok(controls.info());
    case "GET /__simulator/faults":
      return ok(controls.faults());
    case "DELETE /__simulator/faults":
      controls.setFaults([]);
      return noContent;
    case "POST /__simulator/faults": {
      const parsed = parseFaults(await readJson(req));
      if (typeof parsed === "string") return bad(parsed);
      controls.setFaults(parsed);
      return ok({ faults: parsed.length });
    }
    case "GET /__simulator/requests":
      return ok(controls.requests());
    case "DELETE /__simulator/requests":
      controls.clearRequests();
      return noContent;
    case "POST /__simulator/dataset": {
      const change = parseDatasetSwitch(await readJson(req));
      if (typeof change === "string") return bad(change);
      controls.setDataset(change);
      return ok(controls.info());
    }
    default:
      return errorResponse(404, "unknown simulator control route");
  }
}
