// The simulator's Go formatting helpers: `%v` of numbers, bools and lists, time.Time JSON, json.Encoder.
import * as assert from "node:assert/strict";
import { goBool, goDurationSeconds, goFloat, goList, goTime } from "../../simulator/goFormat";
import { goJson } from "../../simulator/goJson";
import { base62Decode, base62Encode } from "../../simulator/pat";

describe("simulator Go formatting", () => {
  it("prints float64 like %v: exponent form from 1e6, shortest digits", () => {
    const cases: [number, string][] = [
      [2950159, "2.950159e+06"],
      [4744870, "4.74487e+06"],
      [1_000_000, "1e+06"],
      [999_999, "999999"],
      [756135, "756135"],
      [300, "300"],
      [0, "0"],
      [0.5, "0.5"],
      [0.0001, "0.0001"],
      [0.00001, "1e-05"],
      [-2_500_000, "-2.5e+06"],
      [3e10, "3e+10"],
      [1.8e12, "1.8e+12"],
    ];
    for (const [value, expected] of cases) assert.equal(goFloat(value), expected, String(value));
    assert.equal(goDurationSeconds(30), "3e+10", "a 30 s time.Duration after a JSON round trip");
    assert.deepEqual([goBool(true), goBool(false), goList(["a", "b"]), goList([])], ["true", "false", "[a b]", "[]"]);
  });

  it("prints time.Time in UTC with trailing zeros of the fraction trimmed", () => {
    const base = Date.UTC(2023, 4, 5, 10, 4, 37) * 1000;
    assert.equal(goTime(base + 473_542), "2023-05-05T10:04:37.473542Z");
    assert.equal(goTime(base + 470_000), "2023-05-05T10:04:37.47Z");
    assert.equal(goTime(base), "2023-05-05T10:04:37Z");
    assert.equal(goTime(base + 1), "2023-05-05T10:04:37.000001Z");
  });

  it("escapes <, >, & and U+2028/9 like json.Encoder and ends with a newline", () => {
    const text = goJson({ a: "<script>&\u2028" });
    assert.equal(text, '{"a":"\\u003cscript\\u003e\\u0026\\u2028"}\n');
    assert.deepEqual(JSON.parse(text), { a: "<script>&\u2028" });
  });

  it("encodes base62 like NetBird's base62 package", () => {
    assert.deepEqual([base62Encode(0), base62Encode(61), base62Encode(62), base62Encode(0xffffffff)], ["0", "z", "10", "4gfFC3"]);
    assert.equal(base62Decode("004gfFC3"), 0xffffffff);
    assert.equal(base62Decode("ab-"), undefined);
  });
});
