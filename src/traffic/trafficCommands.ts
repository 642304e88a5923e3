import * as vscode from "vscode";
import { trafficPivotOf, type AuditNode } from "../auditEvents/auditTreeItems";
import type { ExportFormat } from "../core/traffic/exportFormats";
import { EMPTY_FILTERS, sanitizeFilters, type TrafficFilters } from "../core/traffic/trafficFilters";
import { TRAFFIC_VIEW_TYPE, TrafficPanel, type TrafficPanelDeps } from "./trafficPanel";
import { exportTraffic } from "./trafficExport";

/** What VS Code passes to a webview context-menu command: the row's `data-vscode-context`. */
interface RowContext {
  readonly webviewSection: "trafficRow";
  readonly pageKey: string;
  readonly index: number;
}

function isRowContext(value: unknown): value is RowContext {
  const v = value as Partial<RowContext> | undefined;
  return v?.webviewSection === "trafficRow" && typeof v.pageKey === "string" && Number.isInteger(v.index);
}

/**
 * `netbird.traffic.open` (optionally with filters), `netbird.traffic.export` (optionally with filters and,
 * for automation, `{ format, file }`), and `netbird.audit.showTraffic` (pivot from an audit event).
 */
export function registerTrafficCommands(context: vscode.ExtensionContext, deps: TrafficPanelDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("netbird.traffic.open", (filters?: Partial<TrafficFilters>) => {
      TrafficPanel.show(deps, filters && typeof filters === "object" ? sanitizeFilters(filters) : undefined);
    }),
    vscode.commands.registerCommand(
      "netbird.traffic.export",
      (filters?: Partial<TrafficFilters>, target?: { format: ExportFormat; file: vscode.Uri | string }) => {
        const chosen =
          filters && typeof filters === "object" ? sanitizeFilters(filters) : (TrafficPanel.instance?.lastFilters ?? EMPTY_FILTERS);
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
    // The native context menu of a table row (webview/context, webviewSection == trafficRow).
    vscode.commands.registerCommand("netbird.traffic.row.openJson", (row?: RowContext) => {
      if (isRowContext(row)) return TrafficPanel.instance?.openJson(row.pageKey, row.index);
      return undefined;
    }),
    vscode.commands.registerCommand("netbird.traffic.row.copyFlowId", async (row?: RowContext) => {
      const record = isRowContext(row) ? TrafficPanel.instance?.record(row.pageKey, row.index) : undefined;
      if (!record) return;
      await vscode.env.clipboard.writeText(record.flow_id);
      vscode.window.setStatusBarMessage(`Copied flow ID ${record.flow_id}`, 3000);
    }),
    vscode.window.registerWebviewPanelSerializer(TRAFFIC_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        TrafficPanel.revive(panel, deps);
      },
    }),
  );
}
