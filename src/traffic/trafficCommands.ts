import * as vscode from "vscode";
import { trafficPivotOf, type AuditNode } from "../auditEvents/auditTreeItems";
import type { ExportFormat } from "../core/traffic/exportFormats";
import { EMPTY_FILTERS, sanitizeFilters, type TrafficFilters } from "../core/traffic/trafficFilters";
import { TrafficPanel, type TrafficPanelDeps } from "./trafficPanel";
import { exportTraffic } from "./trafficExport";

/**
 * `netbird.traffic.open` (optionally with filters), `netbird.traffic.export` (optionally with filters and,
 * for automation, `{ format, file }`), and `netbird.audit.showTraffic` (pivot from an audit event).
 */
export function registerTrafficCommands(context: vscode.ExtensionContext, deps: TrafficPanelDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("netbird.traffic.open", (filters?: Partial<TrafficFilters>) => {
      TrafficPanel.show(deps, filters && typeof filters === "object" ? sanitizeFilters({ ...EMPTY_FILTERS, ...filters }) : undefined);
    }),
    vscode.commands.registerCommand(
      "netbird.traffic.export",
      (filters?: Partial<TrafficFilters>, target?: { format: ExportFormat; file: vscode.Uri | string }) => {
        const chosen =
          filters && typeof filters === "object" ? sanitizeFilters({ ...EMPTY_FILTERS, ...filters }) : (TrafficPanel.instance?.lastFilters ?? EMPTY_FILTERS);
        const file = target ? (typeof target.file === "string" ? vscode.Uri.file(target.file) : target.file) : undefined;
        return exportTraffic(chosen, deps, target && file ? { format: target.format, file } : undefined);
      },
    ),
    vscode.commands.registerCommand("netbird.audit.showTraffic", (node?: AuditNode) => {
      if (node?.kind !== "event") return;
      const pivot = trafficPivotOf(node.event);
      if (!pivot) return;
      const filters: TrafficFilters = {
        ...EMPTY_FILTERS,
        from: "last7d",
        // A user's flows by user id; a peer's flows as the peer reported them (both directions).
        userId: pivot.userId ?? "",
        reporterId: pivot.peerId ?? "",
      };
      TrafficPanel.show(deps, filters);
    }),
    vscode.window.registerWebviewPanelSerializer("netbird.trafficEvents", {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        TrafficPanel.revive(panel, deps);
      },
    }),
  );
}
