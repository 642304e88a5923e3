import * as assert from "node:assert/strict";
import { relativeTime } from "../../../src/core/format/time";

describe("relative times", () => {
  const now = Date.UTC(2026, 10, 26, 12, 0, 0);
  const ago = (seconds: number) => now - seconds * 1000;
  /** What Intl says (its texts differ between ICU versions, so they are not written out here). */
  const intl = (locale: string, value: number, unit: Intl.RelativeTimeFormatUnit) =>
    new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }).format(value, unit);

  it("says how long ago in the largest whole unit, short style", () => {
    assert.equal(relativeTime(ago(10), now, "en-US"), "just now");
    assert.equal(relativeTime(ago(-30), now, "en-US"), "just now");
    assert.equal(relativeTime(ago(50), now, "en-US"), intl("en-US", -1, "minute"));
    assert.equal(relativeTime(ago(5 * 60), now, "en-US"), intl("en-US", -5, "minute"));
    assert.equal(relativeTime(ago(3 * 3600), now, "en-US"), intl("en-US", -3, "hour"));
    assert.equal(relativeTime(ago(24 * 3600), now, "en-US"), "yesterday");
    assert.equal(relativeTime(ago(3 * 24 * 3600), now, "en-US"), intl("en-US", -3, "day"));
    assert.equal(relativeTime(ago(14 * 24 * 3600), now, "en-US"), intl("en-US", -2, "week"));
    assert.equal(relativeTime(ago(-2 * 3600), now, "en-US"), intl("en-US", 2, "hour"));
  });

  it("gives each locale its own texts, also when the same value was formatted before for another", () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(relativeTime(ago(5 * 60), now, "en-US"), intl("en-US", -5, "minute"));
      assert.equal(relativeTime(ago(5 * 60), now, "de-DE"), intl("de-DE", -5, "minute"));
      assert.equal(relativeTime(ago(24 * 3600), now, "de-DE"), "gestern");
    }
    assert.notEqual(intl("en-US", -5, "minute"), intl("de-DE", -5, "minute"));
  });

  it("says \"unknown time\" for a timestamp that could not be read, instead of throwing as Intl does", () => {
    assert.equal(relativeTime(Number.NaN, now, "en-US"), "unknown time");
    assert.equal(relativeTime(Date.parse("not a time"), now), "unknown time");
    assert.throws(() => new Intl.RelativeTimeFormat("en-US").format(Number.NaN, "minute"), RangeError);
  });
});
