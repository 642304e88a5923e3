import type { EventPickSource } from "../commands/eventJsonCommands";
import { formatDateTime } from "../core/format/time";
import { eventTime, serviceLabel } from "../core/traffic/trafficRows";
import type { EventDocuments } from "../documents/eventDocuments";
import { openTrafficJson, TrafficPanel } from "./trafficPanel";

/** Offers the traffic records shown in the panel in "NetBird: Open Event JSON…". */
export function trafficPickSource(documents: EventDocuments): EventPickSource {
  return {
    picks: () =>
      (TrafficPanel.instance?.shownRecords() ?? []).map((event) => ({
        label: `${event.source.name || event.source.address} → ${event.destination.name || event.destination.address}`,
        description: formatDateTime(eventTime(event)),
        detail: `${serviceLabel(event)} · ${event.direction} · flow ${event.flow_id}`,
        open: () => openTrafficJson(documents, event),
      })),
  };
}
