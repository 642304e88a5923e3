// The README's generated parts: text between <!-- name:start --> and <!-- name:end --> markers, replaced by
// scripts/readmeTables.ts (commands, settings), scripts/reliabilityTable.ts (reliability) and the bench
// (performance).

/** A Markdown table cell: pipes escaped, line breaks folded. */
export const tableCell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

/** `readme` with the section `name` holding `body`; throws when README.md lacks its markers. */
export function replaceReadmeSection(readme: string, name: string, body: string): string {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return readme.replace(pattern, (_m, start: string, end: string) => `${start}${body}\n${end}`);
}
