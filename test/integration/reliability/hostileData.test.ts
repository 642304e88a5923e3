// Hostile data: the simulator's `hostile` dataset puts HOSTILE_STRINGS (HTML and attribute injection,
// markdown and command links, CSV formulas, bidi and zero-width characters, a lone surrogate, codicons,
// 100 KB strings, `__proto__` keys) into every string field of audit and traffic events. Checked here in
// the real extension host: tree items, tooltips, JSON documents, exports, and the webview's HTML and
// messages. How the workbench renders them (and the webview canary) is test/e2e/hostile.e2e.ts.
import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vscode from "vscode";
import type { TrafficRow } from "../../../src/core/traffic/trafficRows";
import type { NetBirdEventsApi, TreeItemSnapshot } from "../../../src/testApi";
import { simulatorEnv, token } from "../env";
import { closeAllEditors, waitFor, waitForActiveEditor } from "../helpers";
import { api, refreshAudit, signInAs, signOut } from "../netbird";
import { testLog } from "../output";
import { SimulatorControl, type SimulatorInfo } from "../simulatorControl";
import { caseTitle } from "./catalogue";
import { settled, stubAllMessages } from "./support";
import { parseCsv } from "../../support/csv";

/** The corpus the dataset draws from (a copy of simulator/hostile.ts, so this test does not load the simulator). */
const HOSTILE_MARKERS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](command:workbench.action.terminal.new)", '=HYPERLINK("http://evil")', "$(alert) $(sync~spin) codicons"];

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface WireAudit {
  id: string;
  activity: string;
  activity_code: string;
  initiator_name: string;
  meta: Record<string, string> | null;
}

interface WireTraffic {
  flow_id: string;
  source: { name: string; address: string; dns_label: string | null; os: string | null; geo_location: { city_name: string; country_code: string } };
  destination: { name: string; address: string; dns_label: string | null; os: string | null; geo_location: { city_name: string; country_code: string } };
  user: { id: string; email: string; name: string } | null;
  policy: { id: string; name: string } | null;
  rx_bytes: number;
  tx_bytes: number;
}


/** What a spreadsheet-safe cell must hold for `value`: formulas (= + - @, tab, CR first) neutralised with '. */
const neutralised = (value: string | null | undefined): string => {
  if (value == null) return "";
  // UTF-8 cannot hold a lone surrogate: the file has U+FFFD in its place.
  const text = value.replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

describe("reliability: hostile data", function () {
  this.timeout(60_000);
  const sim = SimulatorControl.fromEnv();
  const dir = mkdtempSync(join(tmpdir(), "nb-hostile-"));
  let nb: NetBirdEventsApi;
  let previous: SimulatorInfo;
  let served: WireAudit[] = [];
  let events: TreeItemSnapshot[] = [];

  before(async () => {
    nb = await api();
    previous = await sim.info();
    await sim.reset();
    await sim.setDataset({ dataset: "hostile", auditCount: 400, trafficCount: 1500 });
    await signInAs("owner");
    await refreshAudit();
    served = (await (await fetch(`${simulatorEnv().url}/api/events/audit`, { headers: { authorization: `Token ${token("owner")}` } })).json()) as WireAudit[];
    events = (await nb.auditTree({ allDays: true })).flatMap((day) => day.children ?? []).filter((n) => n.id.startsWith("event:"));
  });
  after(async () => {
    await closeAllEditors();
    await signOut();
    await sim.setDataset({ dataset: previous.dataset, auditCount: previous.counts.audit, trafficCount: previous.counts.traffic });
    rmSync(dir, { recursive: true, force: true });
  });

  it(caseTitle("H01"), () => {
    assert.equal(events.length, served.length, "every served event is in the tree");
    for (const item of events) {
      for (const [what, text] of [
        ["label", item.label],
        ["description", item.description],
      ] as const) {
        assert.doesNotMatch(text, CONTROL, `${item.id} ${what} has a control character or line break`);
        assert.doesNotMatch(text, INVISIBLE, `${item.id} ${what} has a bidi or zero-width character`);
        assert.doesNotMatch(text, LONE_SURROGATE, `${item.id} ${what} has a lone surrogate`);
      }
      assert.ok([...item.label].length <= 120, `${item.id} label has ${[...item.label].length} characters`);
      assert.ok(item.description.length <= 400, `${item.id} description is bounded`);
      assert.equal(item.command, "netbird.event.openJson", "the only command an item runs");
    }
    // The strings are shown (as text), not dropped: the test really saw hostile data.
    const shown = events.map((e) => `${e.label} ${e.description}`).join("\n");
    for (const marker of ["<script>alert(1)</script>", "$(alert)", "[click](command:", "=HYPERLINK("]) {
      assert.ok(shown.includes(marker), `some label or description shows ${marker} literally`);
    }
  });

  it(caseTitle("H02"), async () => {
    let rendered = 0;
    for (const item of events) {
      assert.deepEqual(item.tooltipFlags, { isTrusted: false, supportHtml: false, supportThemeIcons: false }, `${item.id} tooltip flags`);
      const md = item.tooltip;
      assert.doesNotMatch(md, /(^|[^\\])\]\(/, `${item.id}: an unescaped link`);
      assert.doesNotMatch(md, /(^|[^\\])</, `${item.id}: an unescaped <`);
      assert.doesNotMatch(md, /(^|[^\\])\$\(/, `${item.id}: an unescaped codicon`);
      assert.doesNotMatch(md, /command:/, `${item.id}: a command URI`);
      assert.doesNotMatch(md, INVISIBLE, `${item.id}: a bidi or zero-width character`);
    }
    const all = events.map((e) => e.tooltip).join("\n");
    assert.ok(all.includes("\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)"), "the command link is there, escaped");
    assert.ok(all.includes("\\<script\\>alert\\(1\\)\\</script\\>"), "the script tag is there, escaped");
    // Rendered by the built-in Markdown extension's renderer (markdown-it, HTML allowed): nothing active survives.
    let linkified = 0;
    for (const item of events.slice(0, 80)) {
      let html: string;
      try {
        html = String(await vscode.commands.executeCommand("markdown.api.render", item.tooltip));
      } catch (error) {
        testLog("      markdown.api.render is not available: %s", String(error));
        break;
      }
      assert.doesNotMatch(html, /<(img|script|style|iframe|object|embed|form|input)\b/i, `${item.id} renders markup from data: ${html.slice(0, 400)}`);
      assert.doesNotMatch(html, /href="(command|javascript|data|vscode|file):/i, `${item.id} renders a non-web link: ${html.slice(0, 400)}`);
      if (/<a\b/.test(html)) linkified++;
      rendered++;
    }
    testLog("      tooltips rendered by the Markdown extension: %d (%d with a plain web link made by its linkify)", rendered, linkified);
  });

  it(caseTitle("H03"), async () => {
    const withProto = served.find((e) => e.meta !== null && Object.prototype.hasOwnProperty.call(e.meta, "__proto__"));
    const huge = served.find((e) => e.activity.length > 100_000 || e.initiator_name.length > 100_000);
    const surrogate = served.find((e) => JSON.stringify(e).includes("\\ud800"));
    const hostileCode = served.find((e) => !/^[a-z_.]+$/.test(e.activity_code));
    const picks = [withProto, huge, surrogate, hostileCode, served[0]];
    assert.ok(picks.every(Boolean), "the dataset has each kind of hostile event");
    for (const event of picks as WireAudit[]) {
      await vscode.commands.executeCommand("netbird.event.openJson", { kind: "audit", id: event.id });
      const editor = await waitForActiveEditor((d) => d.uri.scheme === "netbird-event" && d.uri.path.includes(`audit-${event.id} `));
      assert.equal(editor.document.getText(), JSON.stringify(event, null, 2), `event ${event.id} is shown exactly as served`);
      assert.doesNotMatch(editor.document.uri.toString(true), new RegExp(`${CONTROL.source}|${INVISIBLE.source}`), "the tab URI carries no control or bidi character");
    }
    await vscode.commands.executeCommand("netbird.event.openJson", { kind: "audit", id: withProto?.id });
    const editor = await waitForActiveEditor((d) => d.uri.path.includes(`audit-${withProto?.id} `));
    assert.match(editor.document.getText(), /"__proto__": /, "__proto__ stays a plain key of meta");
    await closeAllEditors();
  });

  describe("exports and the traffic panel", () => {
    const now = Date.now();
    const window = { from: new Date(now - 6 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
    let records: WireTraffic[] = [];
    let rawRecords: string[] = [];

    before(async () => {
      const params = new URLSearchParams({ page_size: "50000", start_date: window.from, end_date: window.to });
      const response = await fetch(`${simulatorEnv().url}/api/events/network-traffic?${params}`, { headers: { authorization: `Token ${token("owner")}` } });
      const page = (await response.json()) as { data: WireTraffic[] };
      records = page.data;
      rawRecords = records.map((r) => JSON.stringify(r));
      assert.ok(records.length > 100, `${records.length} hostile flows in the window`);
    });

    it(caseTitle("H04"), async () => {
      const file = join(dir, "hostile.csv");
      const stubs = stubAllMessages();
      try {
        const result = (await vscode.commands.executeCommand("netbird.traffic.export", window, { format: "csv", file })) as { records: number } | undefined;
        assert.equal(result?.records, records.length, stubs.calls.map((c) => String(c.args[0])).join(" | "));
      } finally {
        stubs.restore();
      }
      const rows = parseCsv(readFileSync(file, "utf8"));
      const [header, ...body] = rows;
      assert.ok(header);
      assert.equal(body.length, records.length, "one CSV record per flow, even with line breaks inside cells");
      const col = (name: string) => {
        const index = header.indexOf(name);
        assert.ok(index >= 0, `column ${name}`);
        return index;
      };
      const checks: [string, (r: WireTraffic) => string | null | undefined][] = [
        ["flow_id", (r) => r.flow_id],
        ["source_name", (r) => r.source.name],
        ["source_address", (r) => r.source.address],
        ["source_dns_label", (r) => r.source.dns_label],
        ["source_os", (r) => r.source.os],
        ["source_city", (r) => r.source.geo_location.city_name],
        ["source_country", (r) => r.source.geo_location.country_code],
        ["destination_name", (r) => r.destination.name],
        ["destination_address", (r) => r.destination.address],
        ["destination_dns_label", (r) => r.destination.dns_label],
        ["user_email", (r) => r.user?.email],
        ["user_name", (r) => r.user?.name],
        ["policy_name", (r) => r.policy?.name],
      ];
      let formulas = 0;
      body.forEach((cells, i) => {
        const record = records[i] as WireTraffic;
        assert.equal(cells.length, header.length, `row ${i + 1} has every column`);
        for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `row ${i + 1}: a cell a spreadsheet would run: ${cell.slice(0, 60)}`);
        for (const [name, read] of checks) {
          const value = read(record);
          assert.equal(cells[col(name)], neutralised(value), `row ${i + 1} ${name}`);
          if (value && /^[=+\-@]/.test(value)) formulas++;
        }
        assert.equal(cells[col("rx_bytes")], String(record.rx_bytes));
      });
      assert.ok(formulas > 50, `${formulas} formula-like values were neutralised`);
    });

    it(caseTitle("H05"), async () => {
      const stubs = stubAllMessages();
      try {
        const ndjson = join(dir, "hostile.ndjson");
        const json = join(dir, "hostile.json");
        await vscode.commands.executeCommand("netbird.traffic.export", window, { format: "ndjson", file: ndjson });
        await vscode.commands.executeCommand("netbird.traffic.export", window, { format: "json", file: json });
        assert.deepEqual(readFileSync(ndjson, "utf8").split("\n").filter(Boolean), rawRecords, "NDJSON: one exact record per line");
        assert.deepEqual(JSON.parse(readFileSync(json, "utf8")), records, "JSON: the exact records");
        assert.deepEqual(stubs.messages("showErrorMessage"), []);
      } finally {
        stubs.restore();
      }
    });

    it(caseTitle("H06"), async () => {
      const tap = nb.recordTrafficMessages();
      let rows: readonly TrafficRow[] = [];
      try {
        await vscode.commands.executeCommand("netbird.traffic.open", { from: "last7d" });
        rows = await waitFor(
          () => {
            const page = tap.messages.find((m) => m.direction === "toWebview" && (m.message as { type: string }).type === "page")?.message as { result: { rows: TrafficRow[] } } | undefined;
            return page?.result.rows;
          },
          { timeoutMs: 20_000, message: "no page reached the webview" },
        );
      } finally {
        tap.stop();
      }
      await settled(nb);
      // The data travels as message data, unchanged…
      const data = JSON.stringify(rows);
      for (const marker of HOSTILE_MARKERS.slice(0, 4)) assert.ok(data.includes(JSON.stringify(marker).slice(1, -1)), `the page carries ${marker}`);
      // …and never as HTML.
      const html = nb.trafficPanel()?.html ?? "";
      assert.ok(html.length > 0);
      for (const marker of HOSTILE_MARKERS) assert.ok(!html.includes(marker), `the HTML contains ${marker}`);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
      const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name as string, values]));
      assert.deepEqual(directives.get("default-src"), ["'none'"]);
      const script = directives.get("script-src") ?? [];
      assert.equal(script.length, 1, `script-src ${script.join(" ")}`);
      assert.match(script[0] ?? "", /^'nonce-[A-Za-z0-9+/=]{16,}'$/, "scripts only by nonce: no inline script, no eval, no host");
      assert.deepEqual(directives.get("connect-src"), ["'none'"]);
      assert.deepEqual(directives.get("frame-src"), ["'none'"]);
      // Styles, images and fonts only from the webview's own resource origin (VS Code's cspSource), never inline.
      for (const name of ["style-src", "img-src", "font-src"]) {
        const values = directives.get(name) ?? [];
        assert.ok(values.length > 0 && values.every((v) => v === "'self'" || /^https:\/\/\*\.vscode-cdn\.net$/.test(v) || /^vscode-(webview|resource):/.test(v)), `${name} ${values.join(" ")}`);
      }
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.equal(scripts.length, 1, "one script element");
      assert.equal(scripts[0]?.[2], "", "no inline script body");
      assert.match(scripts[0]?.[1] ?? "", /nonce="[^"]+" src="[^"]+traffic\.js"/);
      assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline event handler");
      // A hostile record opens as its exact JSON (picked from the palette's list of the panel's records).
      const stubs = stubAllMessages();
      stubs.stub("showQuickPick", async (items) => (items as { label: string; detail?: string }[]).find((i) => i.detail?.includes(`flow ${rows[0]?.flowId}`)));
      try {
        await vscode.commands.executeCommand("netbird.event.openJson");
      } finally {
        stubs.restore();
      }
      const editor = await waitForActiveEditor((d) => d.uri.scheme === "netbird-event" && d.uri.path.startsWith("/traffic/"));
      assert.ok(rawRecords.map((r) => JSON.stringify(JSON.parse(r), null, 2)).includes(editor.document.getText()), "the traffic record is shown exactly as served");
      await closeAllEditors();
    });
  });
});
