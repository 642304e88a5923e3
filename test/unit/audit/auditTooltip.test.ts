import * as assert from "node:assert/strict";
import { auditTooltipMarkdown } from "../../../src/core/audit/auditTooltip";
import { escapeMarkdown } from "../../../src/core/format/markdown";
import { auditEvent } from "../../support/auditEvents";

describe("audit tooltip markdown", () => {
  it("shows every detail", () => {
    const md = auditTooltipMarkdown(auditEvent({ id: "42", meta: { name: "alice-laptop", external: "true" } }), Date.parse("2026-11-26T11:00:00Z"), "en-US");
    for (const part of ["Activity", "When", "Initiator", "Alice Example", "alice\\@example\\.com", "Target", "peer\\-1", "Event ID", "42", "External", "Details", "alice\\-laptop"]) {
      assert.ok(md.includes(part), `missing ${part} in\n${md}`);
    }
  });

  it("escapes links, command URIs, images, HTML and codicons in data", () => {
    const hostile = "[click](command:workbench.action.terminal.new) ![x](https://e.invalid/x.png) <img src=x onerror=alert(1)> $(alert) **b**";
    const md = auditTooltipMarkdown(auditEvent({ id: "1", initiator_name: hostile, meta: { name: hostile } }), Date.now());
    assert.ok(!md.includes("](command:"), md);
    assert.ok(!/(^|[^\\])</.test(md), "every < is escaped");
    assert.ok(!/(^|[^\\])\$\(/.test(md), "codicon syntax is escaped");
    assert.ok(!/(^|[^\\])\[click\]/.test(md), md);
    assert.equal(escapeMarkdown("a\u202Eb\u200Bc\nd"), "abc d");
  });

  it("says the time is unknown when the server's timestamp cannot be read, and shows what it sent", () => {
    const md = auditTooltipMarkdown(auditEvent({ id: "7", timestamp: "yesterday-ish" }), Date.parse("2026-11-26T11:00:00Z"), "en-US");
    assert.ok(md.includes("*When:* unknown time — yesterday\\-ish"), md);
  });
});
