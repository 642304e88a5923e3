/**
 * The text of each table cell, computed from a display-ready TrafficRow (pure, no DOM). The DOM layer only
 * copies these strings into elements with textContent.
 */
import { formatDateTime } from "../../core/format/time";
import { formatBytes, formatCount } from "../../core/format/units";
import type { EndpointCell, TrafficRow } from "../../core/traffic/trafficRows";

const ENUM_LABELS: Readonly<Record<string, string>> = {
  INGRESS: "Ingress",
  EGRESS: "Egress",
  DIRECTION_UNKNOWN: "Unknown",
  TYPE_START: "Start",
  TYPE_END: "End",
  TYPE_DROP: "Drop",
  TYPE_UNKNOWN: "Unknown",
  P2P: "P2P",
  ROUTED: "Routed",
};

/** "INGRESS" → "Ingress"; an unknown value is shown as sent. */
export function enumLabel(value: string): string {
  return ENUM_LABELS[value] ?? value;
}

export const STATUS_LABELS: Readonly<Record<TrafficRow["status"], string>> = {
  start: "Started",
  end: "Ended",
  drop: "Dropped",
  unknown: "Unknown",
};

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** "2 starts · 1 end · 0 drops". */
export function countersText(row: Pick<TrafficRow, "starts" | "ends" | "drops">): string {
  return [plural(row.starts, "start", "starts"), plural(row.ends, "end", "ends"), plural(row.drops, "drop", "drops")].join(" · ");
}

/** Rx/Tx bytes: "↓ 1.5 KB ↑ 200 B" (received, sent). */
export function bytesText(row: Pick<TrafficRow, "rxBytes" | "txBytes">): string {
  return `↓ ${formatBytes(row.rxBytes)}  ↑ ${formatBytes(row.txBytes)}`;
}

/** Rx/Tx packets: "↓ 12 ↑ 8 pkts". */
export function packetsText(row: Pick<TrafficRow, "rxPackets" | "txPackets">): string {
  return `↓ ${formatCount(row.rxPackets)}  ↑ ${formatCount(row.txPackets)} pkts`;
}

/** Full traffic description for a tooltip. */
export function trafficTitle(row: TrafficRow): string {
  return `Received ${formatBytes(row.rxBytes)} in ${formatCount(row.rxPackets)} packets\nSent ${formatBytes(row.txBytes)} in ${formatCount(row.txPackets)} packets`;
}

/** The bold part of an endpoint: its name, else its id, else its address. */
export function endpointName(cell: EndpointCell): string {
  return cell.name || cell.id || cell.address || "—";
}

/** The address shown after the name (empty when the name already is the address). */
export function endpointAddress(cell: EndpointCell): string {
  return cell.address && cell.address !== endpointName(cell) ? cell.address : "";
}

/** Second line: "Berlin, DE · linux" (geo and OS, whichever are known). */
export function endpointDetails(cell: EndpointCell): string {
  return [cell.geo, cell.os].filter(Boolean).join(" · ");
}

export function endpointTitle(cell: EndpointCell): string {
  const lines = [
    endpointName(cell),
    cell.address && `Address: ${cell.address}`,
    cell.dns && `DNS: ${cell.dns}`,
    cell.type && `Type: ${cell.type}`,
    cell.geo && `Location: ${cell.geo}`,
    cell.os && `OS: ${cell.os}`,
    cell.id && `ID: ${cell.id}`,
  ];
  return lines.filter(Boolean).join("\n");
}

/** Formats times for the Time column: formatDateTime, and the clock alone for a window ending the same day. */
export class TimeText {
  private readonly clock: Intl.DateTimeFormat;

  constructor(
    private readonly locale?: string,
    private readonly timeZone?: string,
  ) {
    this.clock = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone });
  }

  /** "24 Nov 2026, 14:05:09", or "unknown time". */
  dateTime(ms: number): string {
    return formatDateTime(ms, this.locale, this.timeZone);
  }

  /** "14:05:09", as the table's times. */
  clockTime(ms: number): string {
    return this.clock.format(ms);
  }

  /** Second line: "to 14:06:09" (the window end), or "" when unknown. */
  windowEnd(row: Pick<TrafficRow, "time" | "windowEnd">): string {
    if (!Number.isFinite(row.windowEnd)) return "";
    const sameDay = Number.isFinite(row.time) && Math.abs(row.windowEnd - row.time) < 12 * 3600_000;
    return `to ${sameDay ? this.clock.format(row.windowEnd) : this.dateTime(row.windowEnd)}`;
  }

  title(row: Pick<TrafficRow, "time" | "windowEnd">): string {
    const start = `Window start: ${this.dateTime(row.time)}`;
    return Number.isFinite(row.windowEnd) ? `${start}\nWindow end: ${this.dateTime(row.windowEnd)}` : start;
  }
}
