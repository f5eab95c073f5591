// Runs a bundle through V8's code cache. A bundle's start is mostly V8 compiling it: the top level once,
// then every function on its first call (the first check of a draft calls hundreds). The cache, written
// after a warm-up run at build time (scripts/warm-code-cache.mjs), holds the bytecode of every function
// that run compiled, so the next start deserialises it instead.
//
// The cache is only a speed-up and never changes what runs: it is used only when its stamp matches the
// bundle's size and modification time and the Node version, and V8 itself rejects data made by another
// V8 or with other flags (VS Code's Electron, --max-old-space-size, …), falling back to a plain compile.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';

const MAGIC = 'copydesk-code-cache 1';

// The stamp's first part names the bundle (size, modification time) and the Node that may use the cache;
// its last field is the CRC-32 of the data, because V8 trusts the data it is given: a damaged cache passes
// its own checks and aborts the process while it is read.
function stampOf(stat: fs.Stats): string {
  return `${MAGIC} ${stat.size} ${stat.mtimeMs} ${process.version} ${process.arch} `;
}

export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

function readCache(file: string, stamp: string): Buffer | undefined {
  if (typeof zlib.crc32 !== 'function') return undefined;
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const head = Buffer.from(stamp, 'latin1');
  const end = data.indexOf(10, head.length);
  if (end < 0 || !data.subarray(0, head.length).equals(head)) return undefined;
  const payload = data.subarray(end + 1);
  return data.toString('latin1', head.length, end) === String(zlib.crc32(payload)) ? payload : undefined;
}

function writeCache(file: string, stamp: string, payload: Buffer): void {
  if (typeof zlib.crc32 !== 'function') return;
  // Written beside and renamed into place, so that a reader never sees half a cache.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, Buffer.concat([Buffer.from(`${stamp}${zlib.crc32(payload)}\n`, 'latin1'), payload]));
  fs.renameSync(partial, file);
}

export interface LoadedBundle {
  /** What became of the cache: used, rejected by V8, or none that matched this bundle and Node. */
  cache: 'used' | 'rejected' | 'none';
  /** Writes the cache with the bytecode of every function compiled so far. */
  writeCache(): void;
}

/** Runs `bundle` (a CommonJS file) as the body of `host`, the module that Node loaded: the bundle's
 *  `module`, `exports` and `require.main === module` are the host's, so it behaves as if Node had run it.
 *  With `write`, the cache is written when the process exits, so that it holds what the whole run compiled. */
export function runBundle(bundle: string, host: NodeJS.Module, write = process.env.COPYDESK_WRITE_CODE_CACHE === '1'): LoadedBundle {
  const fd = fs.openSync(bundle, 'r');
  let source: string;
  let stamp: string;
  try {
    stamp = stampOf(fs.fstatSync(fd));
    source = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  const cacheFile = cacheFileOf(bundle);
  const cachedData = write ? undefined : readCache(cacheFile, stamp);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const loaded: LoadedBundle = {
    cache: cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none',
    writeCache() {
      writeCache(cacheFile, stamp, script.createCachedData());
    },
  };
  if (process.env.COPYDESK_DEBUG_CODE_CACHE === '1') process.stderr.write(`code cache for ${path.basename(bundle)}: ${loaded.cache}\n`);
  if (write) {
    process.once('exit', () => {
      try {
        loaded.writeCache();
      } catch (err) {
        process.stderr.write(`copydesk: could not write the code cache ${cacheFile}: ${String(err)}\n`);
      }
    });
  }
  const body = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;
  body.call(host.exports, host.exports, Module.createRequire(bundle), host, bundle, path.dirname(bundle));
  return loaded;
}
