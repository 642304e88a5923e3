/**
 * Loads the extension's bundle through a V8 code cache. VS Code compiles an extension's code from source on
 * every start of the extension host, and compiling the bundle plus the functions its activation calls was most
 * of this extension's activation time. The first load compiles as usual and, once the extension has done its
 * startup work, saves V8's compiled code next to the bundle; later loads use it. Nothing here depends on it
 * working: a cache V8 refuses (another V8 version or flags), a missing or unwritable folder or a damaged file
 * only means compiling from source, as without a cache. V8 checks only a cache's header, and a cache damaged
 * past it can crash the extension host, so the file carries a SHA-256 digest of its code that is checked
 * before V8 sees it, and it is written to a temporary file, flushed to disk and then renamed into place. The
 * cache is named by a hash of the bundle's text, so a rebuilt bundle never runs another build's code. It lives
 * in the extension's own folder: whoever can write there can change the bundle itself, so it adds no way in.
 */
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";

export interface CachedBundle<T> {
  /** What the bundle exports (its `module.exports`). */
  readonly exports: T;
  /** Whether its compiled code came from the cache. */
  readonly fromCache: boolean;
  /** Saves the code compiled so far, unless it came from the cache. Never throws. */
  saveCache(): void;
}

/** The CommonJS wrapper, on a line of its own so the bundle's lines and columns stay what they are. */
const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) {\n";
const WRAPPER_TAIL = "\n})";
const CACHE_SUFFIX = ".v8cache";
/** A cache file: the SHA-256 digest of the code, then the code V8 made. */
const DIGEST_BYTES = 32;
/** A temporary file older than this is left over from a write that never finished (another window's is younger). */
const STALE_TEMPORARY_MS = 60_000;

/**
 * Runs the CommonJS bundle at `bundlePath` as Node would (`require` is the caller's, so the bundle resolves
 * modules from the same folder and `vscode` as the caller's extension), with compiled code from the cache when
 * there is one for exactly this text. The bundle must not use dynamic `import()` (a vm script has no module
 * loader for it); esbuild's CommonJS output of this extension has none.
 */
export function loadWithCodeCache<T>(bundlePath: string, requireFromBundleFolder: NodeJS.Require): CachedBundle<T> {
  const source = fs.readFileSync(bundlePath, "utf8");
  const folder = path.dirname(bundlePath);
  const name = path.basename(bundlePath, ".js");
  const cacheFile = path.join(folder, `${name}.${createHash("sha256").update(source).digest("hex").slice(0, 20)}${CACHE_SUFFIX}`);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(WRAPPER_HEAD + source + WRAPPER_TAIL, { filename: bundlePath, lineOffset: -1, cachedData });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  const moduleObject: { exports: unknown } = { exports: {} };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  wrapper.call(moduleObject.exports, moduleObject.exports, requireFromBundleFolder, moduleObject, bundlePath, folder);
  let saved = fromCache;
  return {
    exports: moduleObject.exports as T,
    fromCache,
    saveCache() {
      if (saved) return;
      saved = true;
      const temporary = `${cacheFile}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        writeCache(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
        removeLeftovers(folder, name, cacheFile);
      } catch {
        // A read-only installation, a full disk: every start compiles from source, as without the cache.
        try {
          fs.rmSync(temporary, { force: true });
        } catch {
          // nothing more to do
        }
      }
    },
  };
}

/** The code of a cache file whose digest matches, else undefined (no file, a folder, a damaged file). */
function readCache(file: string): Buffer | undefined {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (content.length <= DIGEST_BYTES) return undefined;
  const code = content.subarray(DIGEST_BYTES);
  return createHash("sha256").update(code).digest().equals(content.subarray(0, DIGEST_BYTES)) ? code : undefined;
}

/** Writes digest and code to a new file and flushes it to disk (a crash must not leave a renamed, half-written cache). */
function writeCache(file: string, code: Buffer): void {
  const fd = fs.openSync(file, "wx");
  try {
    fs.writeSync(fd, createHash("sha256").update(code).digest());
    fs.writeSync(fd, code);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Caches of earlier builds of this bundle (a development folder is rebuilt in place) and abandoned temporary files. */
function removeLeftovers(folder: string, name: string, keep: string): void {
  const now = Date.now();
  for (const file of fs.readdirSync(folder)) {
    if (!file.startsWith(`${name}.`)) continue;
    const full = path.join(folder, file);
    const oldCache = file.endsWith(CACHE_SUFFIX) && full !== keep;
    const abandoned = file.includes(`${CACHE_SUFFIX}.`) && file.endsWith(".tmp") && now - fs.statSync(full).mtimeMs > STALE_TEMPORARY_MS;
    if (oldCache || abandoned) fs.rmSync(full, { force: true });
  }
}
