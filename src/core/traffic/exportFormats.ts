import type { TrafficEvent } from "../api/models";
import { connectionOf, eventTime, protocolName } from "./trafficRows";

export type ExportFormat = "csv" | "ndjson" | "json";

export const EXPORT_FORMATS: readonly { readonly format: ExportFormat; readonly label: string; readonly extension: string; readonly detail: string }[] = [
  { format: "csv", label: "CSV", extension: "csv", detail: "One row per record, flattened columns; opens in spreadsheets" },
  { format: "ndjson", label: "NDJSON", extension: "ndjson", detail: "One exact API record per line; for jq, log tools and scripts" },
  { format: "json", label: "JSON", extension: "json", detail: "One array of the exact API records" },
];

/** The CSV columns, in order, with how each is read from a record. */
const CSV_COLUMNS: readonly [string, (e: TrafficEvent) => string | number | undefined | null][] = [
  ["flow_id", (e) => e.flow_id],
  ["time", (e) => isoOrEmpty(eventTime(e))],
  ["window_start", (e) => e.window_start],
  ["window_end", (e) => e.window_end],
  ["direction", (e) => e.direction],
  ["connection_type", (e) => connectionOf(e)],
  ["protocol", (e) => e.protocol],
  ["protocol_name", (e) => protocolName(e.protocol)],
  ["icmp_type", (e) => e.icmp?.type],
  ["icmp_code", (e) => e.icmp?.code],
  ["source_id", (e) => e.source.id],
  ["source_name", (e) => e.source.name],
  ["source_type", (e) => e.source.type],
  ["source_address", (e) => e.source.address],
  ["source_dns_label", (e) => e.source.dns_label],
  ["source_os", (e) => e.source.os],
  ["source_city", (e) => e.source.geo_location?.city_name],
  ["source_country", (e) => e.source.geo_location?.country_code],
  ["destination_id", (e) => e.destination.id],
  ["destination_name", (e) => e.destination.name],
  ["destination_type", (e) => e.destination.type],
  ["destination_address", (e) => e.destination.address],
  ["destination_dns_label", (e) => e.destination.dns_label],
  ["destination_os", (e) => e.destination.os],
  ["destination_city", (e) => e.destination.geo_location?.city_name],
  ["destination_country", (e) => e.destination.geo_location?.country_code],
  ["user_id", (e) => e.user?.id],
  ["user_email", (e) => e.user?.email],
  ["user_name", (e) => e.user?.name],
  ["policy_id", (e) => e.policy?.id],
  ["policy_name", (e) => e.policy?.name],
  ["reporter_id", (e) => e.reporter_id],
  ["num_of_starts", (e) => e.num_of_starts],
  ["num_of_ends", (e) => e.num_of_ends],
  ["num_of_drops", (e) => e.num_of_drops],
  ["rx_bytes", (e) => e.rx_bytes],
  ["tx_bytes", (e) => e.tx_bytes],
  ["rx_packets", (e) => e.rx_packets],
  ["tx_packets", (e) => e.tx_packets],
  ["events", (e) => JSON.stringify(e.events)],
];

function isoOrEmpty(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : "";
}

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe, so opening the export never executes anything.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`;
}

export function csvRow(event: TrafficEvent): string {
  return `${CSV_COLUMNS.map(([, read]) => csvCell(read(event))).join(",")}\r\n`;
}

/** Streams records in a format: `start()`, then `records(page)` per page, then `end()`; each returns text to write. */
export interface ExportEncoder {
  start(): string;
  records(events: readonly TrafficEvent[]): string;
  end(): string;
}

export function encoderFor(format: ExportFormat): ExportEncoder {
  switch (format) {
    case "csv":
      return { start: csvHeader, records: (events) => events.map(csvRow).join(""), end: () => "" };
    case "ndjson":
      return { start: () => "", records: (events) => events.map((e) => `${JSON.stringify(e)}\n`).join(""), end: () => "" };
    case "json": {
      let first = true;
      return {
        start: () => "[",
        records: (events) =>
          events
            .map((e) => {
              const text = `${first ? "\n" : ",\n"}${JSON.stringify(e)}`;
              first = false;
              return text;
            })
            .join(""),
        end: () => (first ? "]\n" : "\n]\n"),
      };
    }
  }
}
