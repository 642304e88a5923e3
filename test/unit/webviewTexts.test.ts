import * as assert from "node:assert/strict";
import { formatDateTime } from "../../src/core/format/time";
import { TIME_PRESETS } from "../../src/core/traffic/trafficFilters";
import type { EndpointCell } from "../../src/core/traffic/trafficRows";
import {
  bytesText,
  countersText,
  endpointAddress,
  endpointDetails,
  endpointName,
  endpointTitle,
  enumLabel,
  packetsText,
  TimeText,
} from "../../src/webview-ui/traffic/cellText";
import { CUSTOM_TIME, customInputValue, enumOptions, timeChoice, timeOptions, toDateTimeLocal } from "../../src/webview-ui/traffic/filterModel";
import { canGoBack, canGoForward, pageLabel, pageSizeLabel, pageToRetry, recordsLabel, shownText } from "../../src/webview-ui/traffic/pageInfo";
import { ACTION_LABELS, keepsRowsOnError, panelContent, staleRowsNote } from "../../src/webview-ui/traffic/panelText";
import { PANEL_STATES } from "../../src/webview-ui/traffic/appState";

const cell = (overrides: Partial<EndpointCell> = {}): EndpointCell => ({
  id: "p1",
  name: "laptop",
  address: "100.64.0.1:443",
  type: "PEER",
  geo: "Berlin, DE",
  os: "linux",
  dns: "laptop.netbird.cloud",
  ...overrides,
});

describe("webview cell texts", () => {
  it("formats counters with singular and plural", () => {
    assert.equal(countersText({ starts: 2, ends: 1, drops: 0 }), "2 starts · 1 end · 0 drops");
    assert.equal(countersText({ starts: 1, ends: 0, drops: 1500 }), "1 start · 0 ends · 1.5K drops");
  });

  it("formats traffic with the shared unit helpers", () => {
    assert.equal(bytesText({ rxBytes: 1536, txBytes: 200 }), "↓ 1.5 KB  ↑ 200 B");
    assert.equal(packetsText({ rxPackets: 12_345, txPackets: 8 }), "↓ 12.3K  ↑ 8 pkts");
    assert.equal(bytesText({ rxBytes: Number.NaN, txBytes: -1 }), "↓ –  ↑ –");
  });

  it("describes endpoints", () => {
    assert.equal(endpointName(cell()), "laptop");
    assert.equal(endpointName(cell({ name: "" })), "p1");
    assert.equal(endpointName(cell({ name: "", id: "" })), "100.64.0.1:443");
    assert.equal(endpointName(cell({ name: "", id: "", address: "" })), "—");
    assert.equal(endpointAddress(cell()), "100.64.0.1:443");
    assert.equal(endpointAddress(cell({ name: "", id: "" })), "", "not repeated when it is the name");
    assert.equal(endpointDetails(cell()), "Berlin, DE · linux");
    assert.equal(endpointDetails(cell({ geo: "" })), "linux");
    assert.match(endpointTitle(cell()), /^laptop\nAddress: 100\.64\.0\.1:443\nDNS: laptop\.netbird\.cloud\nType: PEER\nLocation: Berlin, DE\nOS: linux\nID: p1$/);
  });

  it("labels enum values and keeps unknown ones", () => {
    assert.equal(enumLabel("INGRESS"), "Ingress");
    assert.equal(enumLabel("TYPE_DROP"), "Drop");
    assert.equal(enumLabel("ROUTED"), "Routed");
    assert.equal(enumLabel("SOMETHING_NEW"), "SOMETHING_NEW");
  });

  it("formats times exactly like formatDateTime, with the window end", () => {
    const times = new TimeText("en-GB", "UTC");
    const t = Date.UTC(2026, 10, 24, 14, 5, 9);
    assert.equal(times.dateTime(t), formatDateTime(t, "en-GB", "UTC"));
    assert.equal(times.dateTime(Number.NaN), "unknown time");
    assert.equal(times.windowEnd({ time: t, windowEnd: t + 60_000 }), "to 14:06:09");
    assert.equal(times.clockTime(t), "14:05:09");
    assert.equal(times.windowEnd({ time: Number.NaN, windowEnd: t }), `to ${formatDateTime(t, "en-GB", "UTC")}`);
    assert.equal(times.windowEnd({ time: t, windowEnd: Number.NaN }), "");
    assert.equal(times.title({ time: t, windowEnd: Number.NaN }), `Window start: ${formatDateTime(t, "en-GB", "UTC")}`);
  });
});

describe("webview filter model", () => {
  it("maps filter values to the From/To choices", () => {
    assert.equal(timeChoice(""), "");
    assert.equal(timeChoice("last24h"), "last24h");
    assert.equal(timeChoice("2026-01-01T10:00"), CUSTOM_TIME);
    assert.equal(timeChoice("garbage"), CUSTOM_TIME);
    assert.deepEqual(
      timeOptions().map((o) => o.value),
      ["", ...TIME_PRESETS.map((p) => p.value), CUSTOM_TIME],
    );
    assert.equal(timeOptions()[0].label, "Any");
    assert.equal(timeOptions().at(-1)?.label, "Custom…");
  });

  it("shows custom times in the datetime-local format", () => {
    const local = new Date(2026, 0, 2, 3, 4).getTime();
    assert.equal(toDateTimeLocal(local), "2026-01-02T03:04");
    assert.equal(toDateTimeLocal(Number.NaN), "");
    assert.equal(customInputValue("2026-01-02T03:04"), "2026-01-02T03:04");
    assert.equal(customInputValue(new Date(local).toISOString()), "2026-01-02T03:04");
    assert.equal(customInputValue("not a time"), "");
  });

  it("offers Any plus every spec value in enum selects", () => {
    assert.deepEqual(enumOptions(["INGRESS", "EGRESS"]), [
      { value: "", label: "Any" },
      { value: "INGRESS", label: "Ingress" },
      { value: "EGRESS", label: "Egress" },
    ]);
  });
});

describe("webview page info and panels", () => {
  const page = { page: 2, totalPages: 124, totalRecords: 12_345, pageSize: 100 };

  it("labels pages, records and page size", () => {
    assert.equal(pageLabel(page, "en-US"), "Page 2 of 124");
    assert.equal(pageLabel({ ...page, page: 1, totalPages: 0 }, "en-US"), "Page 1 of 1");
    assert.equal(recordsLabel(12_345, "en-US"), "12,345 records");
    assert.equal(recordsLabel(1, "en-US"), "1 record");
    assert.equal(pageSizeLabel(50_000, "en-US"), "50,000 per page");
    assert.equal(shownText({ ...page, rowCount: 100 }, "en-US"), "Showing records 101–200 of 12,345, page 2 of 124.");
  });

  it("enables Previous/Next except at the ends", () => {
    assert.ok(canGoBack(page) && canGoForward(page));
    assert.ok(!canGoBack({ ...page, page: 1 }));
    assert.ok(!canGoForward({ ...page, page: 124 }));
    assert.ok(!canGoForward({ ...page, page: 1, totalPages: 0 }));
  });

  it("asks for the last page when a restored page is past the end", () => {
    assert.equal(pageToRetry({ page: 5, totalPages: 3, totalRecords: 250, pageSize: 100, rowCount: 0 }), 3);
    assert.equal(pageToRetry({ page: 1, totalPages: 0, totalRecords: 0, pageSize: 100, rowCount: 0 }), undefined);
    assert.equal(pageToRetry({ page: 2, totalPages: 3, totalRecords: 250, pageSize: 100, rowCount: 100 }), undefined);
  });

  it("explains every non-table state with the right actions", () => {
    for (const state of PANEL_STATES) {
      const content = panelContent(state, "");
      if (state === "loading" || state === "ready") assert.equal(content, undefined);
      else assert.ok(content && content.title && content.paragraphs.length, state);
    }
    assert.deepEqual(panelContent("signedOut")?.actions, ["signIn"]);
    assert.equal(ACTION_LABELS.signIn, "Sign In");
    assert.equal(panelContent("signedOut")?.title, "Sign in to browse traffic events");
    assert.equal(panelContent("empty")?.title, "No traffic events match these filters");
    assert.match(panelContent("empty")?.paragraphs.join(" ") ?? "", /7 days.*10 minutes/);
    assert.deepEqual(panelContent("empty")?.actions, ["clearFilters"]);
    assert.equal(panelContent("notAvailable", "Only on Cloud.")?.tone, "info");
    assert.deepEqual(panelContent("notAvailable", "Only on Cloud.")?.paragraphs, ["Only on Cloud."]);
    assert.match(panelContent("notAvailable")?.paragraphs[0] ?? "", /NetBird Cloud.*Enterprise/);
    const logging = panelContent("loggingDisabled");
    assert.ok(logging?.actions.includes("openTrafficSettings"));
    assert.match(logging?.paragraphs.join(" ") ?? "", /Settings → Networks/);
    assert.equal(ACTION_LABELS.openTrafficSettings, "Open NetBird Settings");
    assert.match(panelContent("forbidden")?.paragraphs[0] ?? "", /owners, admins, auditors, network admins and service users/i);
    assert.equal(panelContent("error", "Boom")?.tone, "error");
    assert.deepEqual(panelContent("error", "Boom")?.paragraphs, ["Boom"]);
    assert.deepEqual(panelContent("error", "Boom")?.actions, ["retry"]);
  });

  it("keeps the earlier rows only under a passing error, and says which rows they are", () => {
    assert.deepEqual(
      PANEL_STATES.filter((state) => keepsRowsOnError(state)),
      ["error"],
      "signed out, no access, not available and logging off replace the rows",
    );
    assert.equal(staleRowsNote(2, "14:02:11", false), "Still showing the earlier results (page 2, loaded at 14:02:11).");
    assert.equal(
      staleRowsNote(1, "09:15:00", true),
      "Still showing the earlier results (page 1, loaded at 09:15:00); they do not match the filters above.",
    );
  });
});
