// Packages the extension the way a release does (vsce package, whose vscode:prepublish runs the
// production build) and lists what went into the .vsix, so packaging mistakes fail the e2e stage.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, makeRunDir, removeRunDir, verbose } from "../host/paths";
import { onCleanup } from "../host/processes";

let packaged: Promise<string> | undefined;

/**
 * The .vsix under test: the one named by NETBIRD_E2E_VSIX (made by `npm test`'s `package` stage, so
 * dist/ is never rebuilt while an integration stage loads it), else packaged once per process into a
 * temp folder.
 */
export function packageExtension(): Promise<string> {
  packaged ??= usePackaged(process.env.NETBIRD_E2E_VSIX) ?? doPackage();
  return packaged;
}

function usePackaged(vsix: string | undefined): Promise<string> | undefined {
  if (!vsix) return undefined;
  if (!fs.existsSync(vsix)) return Promise.reject(new Error(`NETBIRD_E2E_VSIX names ${vsix}, which does not exist (did the package stage fail?)`));
  return Promise.resolve(vsix);
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} failed (exit ${code}):\n${output}`))));
  });
}

async function doPackage(): Promise<string> {
  const dir = makeRunDir("vsix");
  onCleanup(() => removeRunDir(dir));
  const vsix = path.join(dir, "netbird-events.vsix");
  // A development build (with source maps) is put back afterwards, so integration runs keep working.
  const hadDevBuild = fs.existsSync(path.join(REPO_ROOT, "dist", "extension.js.map"));
  const started = Date.now();
  // `npm run package`, as for a release: vscode:prepublish (node esbuild.mjs --production) runs first.
  const output = await run("npm", ["run", "--silent", "package", "--", "-o", vsix]);
  if (verbose()) process.stdout.write(output);
  if (hadDevBuild) await run(process.execPath, [path.join(REPO_ROOT, "esbuild.mjs")]);
  const size = fs.statSync(vsix).size;
  console.log(`[e2e] packaged ${path.basename(vsix)} (${listVsix(vsix).length} files, ${(size / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

/** The file names inside a .vsix (a zip), read from its central directory. */
export function listVsix(vsix: string): string[] {
  const zip = fs.readFileSync(vsix);
  // End of central directory record: signature 0x06054b50, at most 64 KiB of comment after it.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${vsix} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${vsix}: bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
