// Generates the README's command and setting tables from package.json, between the markers
// <!-- commands:start --> … <!-- commands:end --> and <!-- settings:start --> … <!-- settings:end -->.
// `node out/scripts/readmeTables.js --write` updates README.md; a unit test fails when they differ.
import * as fs from "node:fs";
import * as path from "node:path";

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: { commandPalette?: { command: string; when?: string }[] };
    configuration: { properties: Record<string, { type?: string | string[]; default?: unknown; scope?: string; markdownDescription?: string; description?: string }> };
  };
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

export function commandsTable(manifest: Manifest): string {
  const hidden = new Set((manifest.contributes.menus.commandPalette ?? []).filter((m) => m.when === "false").map((m) => m.command));
  const rows = manifest.contributes.commands.map(
    (c) => `| ${cell(`${c.category ? `${c.category}: ` : ""}${c.title}`)} | \`${c.command}\` | ${hidden.has(c.command) ? "views and menus only" : "Command Palette"} |`,
  );
  return ["| Command | ID | Where |", "|---|---|---|", ...rows].join("\n");
}

export function settingsTable(manifest: Manifest): string {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(
    ([key, p]) => `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${p.scope ?? "window"} | ${cell(p.markdownDescription ?? p.description ?? "")} |`,
  );
  return ["| Setting | Default | Scope | Description |", "|---|---|---|---|", ...rows].join("\n");
}

export function renderReadme(readme: string, manifest: Manifest): string {
  const replace = (text: string, name: string, table: string) => {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
    return text.replace(pattern, (_m, start: string, end: string) => `${start}${table}\n${end}`);
  };
  return replace(replace(readme, "commands", commandsTable(manifest)), "settings", settingsTable(manifest));
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

if (require.main === module) {
  const root = repoRoot();
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;
  const readmePath = path.join(root, "README.md");
  const updated = renderReadme(fs.readFileSync(readmePath, "utf8"), manifest);
  if (process.argv.includes("--write")) fs.writeFileSync(readmePath, updated);
  else process.stdout.write(updated);
}
