import { createWriteStream, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import * as vscode from "vscode";
import type { Session } from "../auth/session";
import type { Connection } from "../connection/connection";
import { ApiError, isCancelled, toApiError } from "../core/api/errors";
import { formatInteger } from "../core/format/units";
import { EXPORT_FORMATS, encoderFor, type ExportFormat } from "../core/traffic/exportFormats";
import { validateFilters, type TrafficFilters } from "../core/traffic/trafficFilters";
import type { Log } from "../util/log";

/** Records per request while exporting: big enough for few requests, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 5_000;

export interface ExportResult {
  readonly file: vscode.Uri;
  readonly records: number;
}

/**
 * Exports every record matching the filters (all pages) to a file the user picks, as CSV, NDJSON or a JSON
 * array, streamed page by page (memory stays flat) with a cancellable progress notification. The end time
 * is pinned when the export starts, so new flows do not shift pages under it. A cancelled or failed export
 * removes its partial file.
 */
export async function exportTraffic(
  filters: TrafficFilters,
  deps: { session: Session; connection: Connection; log: Log },
  choice?: { format: ExportFormat; file: vscode.Uri },
): Promise<ExportResult | undefined> {
  if (deps.session.state !== "signedIn") {
    const action = await vscode.window.showInformationMessage("NetBird: sign in to export traffic events.", "Sign In");
    if (action) await vscode.commands.executeCommand("netbird.signIn");
    return undefined;
  }
  const now = Date.now();
  const validated = validateFilters(filters, now);
  if (!validated.query) {
    void vscode.window.showErrorMessage(`NetBird: fix the traffic filters before exporting: ${Object.values(validated.errors).join(" ")}`);
    return undefined;
  }
  const target = choice ?? (await askTarget());
  if (!target) return undefined;
  const query = { ...validated.query, page_size: EXPORT_PAGE_SIZE, end_date: validated.query.end_date ?? new Date(now).toISOString() };
  const encoder = encoderFor(target.format);
  let written = 0;
  let stream: WriteStream | undefined;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "Exporting traffic events", cancellable: true },
      async (progress, cancel) => {
        const controller = new AbortController();
        cancel.onCancellationRequested(() => controller.abort());
        stream = createWriteStream(target.file.fsPath, { encoding: "utf8" });
        const out = stream;
        const opened = new Promise<void>((resolve, reject) => {
          out.once("open", () => resolve());
          out.once("error", reject);
        });
        await opened;
        await write(out, encoder.start());
        let total = 0;
        for (let page = 1; ; page++) {
          const options = await deps.session.requestOptions(controller.signal);
          if (!options) throw new ApiError({ kind: "unauthorized", userMessage: "You were signed out during the export." });
          const result = await deps.connection.getClient().listTrafficEvents({ ...query, page }, options);
          total = result.total_records;
          await write(out, encoder.records(result.data));
          written += result.data.length;
          progress.report({
            message: `${formatInteger(written)} of ${formatInteger(total)} records written`,
            increment: total ? (result.data.length / total) * 100 : 100,
          });
          if (page >= result.total_pages || result.data.length === 0) break;
        }
        await write(out, encoder.end());
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      },
    );
  } catch (error) {
    stream?.destroy();
    await rm(target.file.fsPath, { force: true }).catch(() => undefined);
    if (isCancelled(error)) {
      void vscode.window.showInformationMessage("NetBird: export cancelled; the partial file was removed.");
      return undefined;
    }
    const apiError = toApiError(error);
    deps.log.warn(`[export] failed after ${written} records: ${apiError.message}`);
    if (apiError.isAuthError) void deps.session.handleRejectedToken(apiError);
    void vscode.window.showErrorMessage(`NetBird: the export stopped after ${formatInteger(written)} records and the partial file was removed. ${apiError.message}`);
    return undefined;
  }
  deps.log.info(`[export] wrote ${written} records as ${target.format}`);
  void vscode.window.showInformationMessage(`NetBird: exported ${formatInteger(written)} traffic events.`, "Open File").then((action) => {
    if (action) void vscode.commands.executeCommand("vscode.open", target.file);
  });
  return { file: target.file, records: written };
}

async function askTarget(): Promise<{ format: ExportFormat; file: vscode.Uri } | undefined> {
  const picked = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f.label, detail: f.detail, format: f.format, extension: f.extension })),
    { title: "NetBird: Export Traffic Events", placeHolder: "Choose a file format" },
  );
  if (!picked) return undefined;
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultName = `netbird-traffic-${stamp}.${picked.extension}`;
  const file = await vscode.window.showSaveDialog({
    title: "Export traffic events",
    defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
    filters: { [picked.label]: [picked.extension] },
    saveLabel: "Export",
  });
  return file ? { format: picked.format, file } : undefined;
}

function write(stream: WriteStream, text: string): Promise<void> {
  if (!text) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once("error", onError);
    const flushed = stream.write(text, () => undefined);
    const done = () => {
      stream.off("error", onError);
      resolve();
    };
    if (flushed) done();
    else stream.once("drain", done);
  });
}
