// Generates the README's command and setting tables from package.json, between the markers
// <!-- commands:start --> … <!-- commands:end --> and <!-- settings:start --> … <!-- settings:end -->.
// `node out/scripts/readmeTables.js --write` updates README.md; a unit test fails when they differ.
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../test/host/paths";
import { replaceReadmeSection, tableCell } from "./readmeSection";

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: { commandPalette?: { command: string; when?: string }[] };
    configuration: { properties: Record<string, { type?: string | string[]; default?: unknown; scope?: string; markdownDescription?: string; description?: string }> };
  };
}


export function commandsTable(manifest: Manifest): string {
  const hidden = new Set((manifest.contributes.menus.commandPalette ?? []).filter((m) => m.when === "false").map((m) => m.command));
  const rows = manifest.contributes.commands.map(
    (c) => `| ${tableCell(`${c.category ? `${c.category}: ` : ""}${c.title}`)} | \`${c.command}\` | ${hidden.has(c.command) ? "views and menus only" : "Command Palette"} |`,
  );
  return ["| Command | ID | Where |", "|---|---|---|", ...rows].join("\n");
}

export function settingsTable(manifest: Manifest): string {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(
    ([key, p]) => `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${p.scope ?? "window"} | ${tableCell(p.markdownDescription ?? p.description ?? "")} |`,
  );
  return ["| Setting | Default | Scope | Description |", "|---|---|---|---|", ...rows].join("\n");
}

export function renderReadme(readme: string, manifest: Manifest): string {
  return replaceReadmeSection(replaceReadmeSection(readme, "commands", commandsTable(manifest)), "settings", settingsTable(manifest));
}

if (require.main === module) {
  const root = REPO_ROOT;
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;
  const readmePath = path.join(root, "README.md");
  const updated = renderReadme(fs.readFileSync(readmePath, "utf8"), manifest);
  if (process.argv.includes("--write")) fs.writeFileSync(readmePath, updated);
  else process.stdout.write(updated);
}
