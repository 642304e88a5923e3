/**
 * Strings that break naive renderers: HTML and attribute injection, markdown and command links, CSV formula
 * injection, bidi and zero-width characters, a lone surrogate, codicon syntax, a 100 KB string. The
 * `hostile` dataset draws every display string from this list; other tests use it to check escaping.
 */

/** A 100 KB string (102,406 characters, no spaces). */
export const HOSTILE_HUGE_STRING = `100KB:${"0123456789".repeat(10_240)}`;

export const HOSTILE_STRINGS: readonly string[] = Object.freeze([
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)',
  "javascript:alert(1)",
  "[click](command:workbench.action.terminal.new)",
  "![img](https://example.invalid/x.png)",
  "</style><style>*{display:none}</style>",
  '=HYPERLINK("http://evil")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1)",
  "\u202Egnp.exe",
  "a\u200Bb",
  HOSTILE_HUGE_STRING,
  "\uD800x",
  "**bold** _x_ `code`",
  "```\nfenced ``code``\n```",
  "$(alert) $(sync~spin) codicons",
  "line1\nline2\r\nline3\ttab",
]);

/** The list without the 100 KB string: what the hostile dataset uses for most fields, to keep responses small. */
export const HOSTILE_STRINGS_SMALL: readonly string[] = Object.freeze(
  HOSTILE_STRINGS.filter((s) => s !== HOSTILE_HUGE_STRING),
);

/** Meta keys that trip up code copying objects by key. */
export const HOSTILE_META_KEYS: readonly string[] = Object.freeze(["__proto__", "constructor", "<b>key</b>"]);
