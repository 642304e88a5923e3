/**
 * The only module that touches acquireVsCodeApi(): the API object may be acquired once and must not leak
 * to other code, and every message to the host is typed with the shared protocol.
 */
import { fromWire, type HostToWebview, type HostToWebviewWire, type TrafficViewState, type WebviewToHost } from "../../core/traffic/protocol";

const api = acquireVsCodeApi<TrafficViewState>();

export function postToHost(message: WebviewToHost): void {
  api.postMessage(message);
}

/** The state saved by an earlier load of this page (unchecked: read it with restoreViewState). */
export function loadViewState(): unknown {
  return api.getState();
}

export function saveViewState(state: TrafficViewState): void {
  api.setState(state);
}

/** Calls `handler` for every message from the host that has a message shape. */
export function onHostMessage(handler: (message: HostToWebview) => void): void {
  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    const data = event.data;
    // Pages arrive with their rows packed (binary); fromWire unpacks them lazily.
    if (data && typeof data === "object" && typeof (data as { type?: unknown }).type === "string") handler(fromWire(data as HostToWebviewWire));
  });
}
