/** JSON as NetBird's Go server writes it. */

/**
 * Go's `json.Encoder` output: `<`, `>`, `&`, U+2028 and U+2029 escaped, a newline at the end. These characters
 * only occur inside JSON strings, so replacing them in the serialized text is safe.
 */
export function goEscapeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function goJson(value: unknown): string {
  return `${goEscapeJson(JSON.stringify(value))}\n`;
}
