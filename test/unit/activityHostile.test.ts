import * as assert from "node:assert/strict";

import { ACTIVITY_CODES } from "../../simulator/activityCodes";
import type { AuditEvent } from "../../src/core/api/models";
import {
  cleanText,
  describeAuditEvent,
  formatGoList,
  initiatorDisplay,
  isEmptyGoValue,
  MAX_LABEL_LENGTH,
  parseGoBool,
  parseGoList,
  stripInvisible,
  targetDisplay,
  truncateText,
} from "../../src/core/activity";


const CODES = ACTIVITY_CODES;

const HUGE = "x".repeat(100_000);
/** Bidi embeddings/overrides/isolates, LRM/RLM/ALM and zero-width characters. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePoints(text: string): number {
  return Array.from(text).length;
}

function event(code: string, meta: unknown, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: "1",
    timestamp: "2026-08-01T10:00:00Z",
    activity: "Something happened",
    activity_code: code,
    initiator_id: "u1",
    initiator_name: "Carol",
    initiator_email: "carol@acme.io",
    target_id: "t1",
    meta: meta as Record<string, string>,
    ...extra,
  };
}

function assertDisplayable(label: string, context: string): void {
  assert.ok(label.length > 0, `${context}: empty`);
  assert.ok(codePoints(label) <= MAX_LABEL_LENGTH, `${context}: ${codePoints(label)} code points`);
  assert.doesNotMatch(label, INVISIBLE, `${context}: invisible character left`);
  assert.doesNotMatch(label, CONTROL, `${context}: control character left`);
  assert.doesNotMatch(label, LONE_SURROGATE, `${context}: lone surrogate`);
  assert.doesNotMatch(label, /\s{2}/, `${context}: double space`);
}

describe("activity: hostile data", () => {
  it("caps a 100 KB name to a short label ending with …", () => {
    const label = describeAuditEvent(event("policy.update", { name: HUGE }));
    assert.ok(codePoints(label) <= MAX_LABEL_LENGTH, `${codePoints(label)}`);
    assert.ok(label.length <= 120);
    assert.ok(label.startsWith("Updated policy “xxxx"), label);
    assert.ok(label.includes("…"), label);
  });

  it("keeps every code's label short and clean when every meta value is 100 KB of hostile text", () => {
    const hostile = `\u202Eevil\u202C\u200B\n\r\t\u0000${"ab\u2066\u200D".repeat(25_000)}`;
    for (const entry of CODES) {
      const meta: Record<string, string> = {};
      for (const key of [...entry.meta_keys, ...(entry.optional_meta_keys ?? []), ...(entry.read_time_meta_keys ?? [])]) {
        meta[key] = hostile;
      }
      assertDisplayable(describeAuditEvent(event(entry.code, meta)), entry.code);
      assertDisplayable(targetDisplay(event(entry.code, meta)), `${entry.code} target`);
    }
  });

  it("strips RTL overrides, isolates and zero-width characters", () => {
    const label = describeAuditEvent(event("group.add", { name: "\u202Egnp.exe\u202C\u200B-\u2066x\u2069\uFEFF\u200E" }));
    assert.equal(label, "Created group “gnp.exe-x”");
    assertDisplayable(label, "rtl");
  });

  it("collapses newlines, tabs and control characters to single spaces", () => {
    const label = describeAuditEvent(event("network.create", { name: "line1\nline2\r\n\tline3\u2028line4\u0000\u0007" }));
    assert.equal(label, "Created network “line1 line2 line3 line4”");
  });

  it("never splits a surrogate pair when truncating", () => {
    const label = describeAuditEvent(event("policy.add", { name: "😀".repeat(50_000) }));
    assertDisplayable(label, "emoji");
    assert.ok(label.includes("😀"));
  });

  it("caps a hostile activity text used as fallback", () => {
    const label = describeAuditEvent(event("widget.boom", {}, { activity: `Boom\n\u202E${HUGE}` }));
    assertDisplayable(label, "fallback");
    assert.ok(label.startsWith("Boom x"), label);
  });

  it("survives malformed meta and fields", () => {
    for (const meta of [null, undefined, "oops", 42, [], { name: 7 }, { name: { nested: true } }]) {
      const label = describeAuditEvent(event("policy.add", meta));
      assertDisplayable(label, JSON.stringify(meta) ?? "undefined");
      assert.doesNotMatch(label, /undefined|\[object|null/);
    }
    assert.equal(describeAuditEvent(event("policy.add", { name: 7 })), "Created policy “7”");
    const broken = { activity_code: 5, activity: null, meta: null } as unknown as AuditEvent;
    assert.equal(describeAuditEvent(broken), "Unknown activity");
    assert.equal(typeof initiatorDisplay(broken), "string");
    assert.equal(targetDisplay(broken), "");
  });

  it("does not HTML-escape (tree labels are plain text)", () => {
    assert.equal(describeAuditEvent(event("group.add", { name: "a<b>&c" })), "Created group “a<b>&c”");
  });
});

describe("activity: text helpers", () => {
  it("cleanText trims, collapses and caps", () => {
    assert.equal(cleanText("  a \n\n b  "), "a b");
    assert.equal(cleanText(42), "");
    assert.equal(cleanText("abcdef", 4), "abc…");
    assert.equal(cleanText(HUGE).length, 80);
  });
  it("cleanText returns a clean line as it is, and cleans everything else the same way as before", () => {
    // The cleaning cleanText did before it had a shortcut for text it leaves unchanged (values up to 4096 units).
    const reference = (text: string, max: number) =>
      truncateText(
        stripInvisible(text)
          .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\s]+/g, " ")
          .trim(),
        max,
      );
    for (const clean of ["alice.johnson@example.com", "Updated policy “Office to DB” — José’s…"]) assert.equal(cleanText(clean), clean);
    // A clean value longer than the 4096 units cleanText works on is still cut, however large the cap.
    assert.equal(cleanText("a".repeat(5000), 10_000), `${"a".repeat(4096)}…`);
    for (const text of ["a  b", " a", "a ", "a\tb", "a\u007Fb", "a\u00A0b", "a\u200Bb", "tab\t", "", " ", "abcdef"]) {
      assert.equal(cleanText(text, 5), reference(text, 5), JSON.stringify(text));
    }
    const alphabet = [
      ..."aZ0~ é“”—…‰\u00A0\u00AD\u061C\u1680\u180E\u2000\u200B\u2028\u202E\u202F\u205F\u2060\u3000\uFEFF\t\n\u007F\u0085😀",
      " ",
      "\uD83D",
      "\uDE00",
    ];
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = "";
      for (let k = next(12); k > 0; k--) text += alphabet[next(alphabet.length)];
      const max = 1 + next(12);
      assert.equal(cleanText(text, max), reference(text, max), JSON.stringify(text));
    }
  });
  it("stripInvisible removes only invisible formatting characters", () => {
    assert.equal(stripInvisible("a\u202Db\u200Bc\u2067d\u2069é"), "abcdé");
  });
  it("truncateText leaves short text alone and counts code points", () => {
    assert.equal(truncateText("short", 10), "short");
    assert.equal(truncateText("😀😀😀", 3), "😀😀😀");
    assert.equal(truncateText("😀😀😀😀", 3), "😀😀…");
  });
});

describe("activity: Go value parsing", () => {
  it("parses Go list strings", () => {
    assert.deepEqual(parseGoList("[a b]"), ["a", "b"]);
    assert.deepEqual(parseGoList("[ a   b ]"), ["a", "b"]);
    assert.deepEqual(parseGoList("[single]"), ["single"]);
    assert.deepEqual(parseGoList("[]"), []);
    assert.deepEqual(parseGoList(""), []);
    assert.deepEqual(parseGoList("<nil>"), []);
    assert.deepEqual(parseGoList(undefined), []);
    assert.deepEqual(parseGoList("example.com, api.example.com"), ["example.com", "api.example.com"]);
  });
  it("formats Go lists for display", () => {
    assert.equal(formatGoList("[a b]"), "a, b");
    assert.equal(formatGoList("[]"), "");
  });
  it("parses Go booleans strictly", () => {
    assert.equal(parseGoBool("true"), true);
    assert.equal(parseGoBool("false"), false);
    assert.equal(parseGoBool(" TRUE "), true);
    assert.equal(parseGoBool(""), undefined);
    assert.equal(parseGoBool("yes"), undefined);
    assert.equal(parseGoBool("<nil>"), undefined);
  });
  it("knows Go's empty values", () => {
    for (const v of ["", " ", "<nil>", "[]", "map[]", "invalid Prefix"]) {
      assert.equal(isEmptyGoValue(v), true, v);
    }
    for (const v of ["0", "false", "[a]", "nil"]) {
      assert.equal(isEmptyGoValue(v), false, v);
    }
  });
});
