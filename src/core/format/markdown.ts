import { stripInvisible } from "../activity/sanitizeText";

/**
 * Escapes untrusted text for Markdown so it renders literally: no links, images, emphasis, headings,
 * HTML, autolinks or codicon syntax (`$(name)`). Bidi-override and zero-width characters are dropped,
 * newlines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return stripInvisible(text)
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&$:"'=@]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, " ");
}
