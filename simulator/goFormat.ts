/**
 * Values as NetBird's Go server writes them: times as RFC 3339 with trimmed fractional seconds, and audit
 * meta values as `fmt.Sprintf("%v")` of a value that went through a JSON round trip (see resources/README.md).
 */

const dateByDay = new Map<number, string>();
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Microseconds since the epoch → Go's `time.Time` JSON form in UTC, e.g. `2023-05-05T10:04:37.473542Z`. */
export function goTime(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros - seconds * 1_000_000;
  const day = Math.floor(seconds / 86_400);
  let date = dateByDay.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dateByDay.set(day, date);
  }
  const ofDay = seconds - day * 86_400;
  const clock = `${date}T${pad2(Math.floor(ofDay / 3600))}:${pad2(Math.floor((ofDay % 3600) / 60))}:${pad2(ofDay % 60)}`;
  if (fraction === 0) {
    return `${clock}Z`;
  }
  return `${clock}.${String(fraction).padStart(6, "0").replace(/0+$/, "")}Z`;
}

/** `%v` of a float64: shortest form, exponent form from 1e6 up or below 1e-4 (`2.950159e+06`). */
export function goFloat(value: number): string {
  if (value === 0) {
    return "0";
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? "+Inf" : Number.isNaN(value) ? "NaN" : "-Inf";
  }
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(value);
}

/** `%v` of a bool. */
export function goBool(value: boolean): string {
  return value ? "true" : "false";
}

/** `%v` of a list of strings after a JSON round trip (`[]interface{}`): `[a b]`, `[]`. */
export function goList(values: readonly string[]): string {
  return `[${values.join(" ")}]`;
}

/** A Go `time.Duration` (JSON: nanoseconds) after a JSON round trip, printed with `%v`. */
export function goDurationSeconds(seconds: number): string {
  return goFloat(seconds * 1e9);
}
