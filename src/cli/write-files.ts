/**
 * How the CLI writes: all or nothing, and never through a symbolic link.
 *
 * Every file is written to a new temporary file beside it (created exclusively, so not even a link planted under the
 * temporary name is followed) and renamed over its place once every file of the bundle is written; a rename
 * replaces a link rather than writing where it points. A link, or a file where a folder belongs, in the way of any
 * path is refused before anything is written. A failed write removes the temporary files and the folders it made.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, lstatSync, mkdirSync, openSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CliError, EXIT } from './io';

/** One file to write: its path relative to the root ('/'-separated), bytes and permissions. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
  mode: number;
}

/** Why a write failed, for a message: the error code and what the system says. */
function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const text: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOENT: 'no such folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'it already exists',
    EDQUOT: 'the disk quota is used up',
    EIO: 'an input/output error',
  };
  return err.code ? `${text[err.code] ?? err.message} (${err.code})` : String(err.message ?? e);
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`cannot write ${path}: ${reason(e)}; nothing was written`, EXIT.write);
  }
}

/** Refuses a symbolic link (or, with `folder`, anything but a folder) at `path`; says whether something is there. */
function checkInTheWay(path: string, shown: string, folder: boolean): boolean {
  const st = lstatOrNull(path);
  if (!st) return false;
  if (st.isSymbolicLink()) {
    throw new CliError(
      `${shown} is a symbolic link; refusing to write through it (remove it, or render into another folder). Nothing was written.`,
      EXIT.write,
    );
  }
  if (folder && !st.isDirectory()) throw new CliError(`${shown} is a file where the bundle needs a folder; nothing was written`, EXIT.write);
  if (!folder && st.isDirectory()) throw new CliError(`${shown} is a folder where the bundle writes a file; nothing was written`, EXIT.write);
  return true;
}

/**
 * Writes `files` under `root` (created if missing), all or nothing. The root itself may be reached through links
 * (the user named it); nothing below it is.
 */
export function writeTree(root: string, files: OutputFile[]): void {
  const top = resolve(root);
  const rootStat = statOrNull(top);
  if (rootStat && !rootStat.isDirectory()) throw new CliError(`${root} is not a folder; nothing was written`, EXIT.write);

  // Before anything is written: every folder and file on the way, checked once.
  const folders = new Set<string>();
  const missing: string[] = [];
  for (const f of files) {
    const path = join(top, ...f.path.split('/'));
    // The core makes every name a safe path segment; this is the last line of defence.
    if (relative(top, path).startsWith(`..${sep}`) || relative(top, path) === '..')
      throw new CliError(`refusing to write ${f.path} outside ${root}`, EXIT.write);
    const segments = f.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const rel = segments.slice(0, i).join('/');
      if (folders.has(rel)) continue;
      folders.add(rel);
      if (!checkInTheWay(join(top, ...segments.slice(0, i)), join(root, rel), true)) missing.push(join(top, ...segments.slice(0, i)));
    }
    checkInTheWay(path, join(root, f.path), false);
  }

  const made: string[] = [];
  const temps: { temp: string; path: string }[] = [];
  try {
    if (!rootStat) made.push(...mkdirs(top));
    for (const dir of missing) {
      mkdirSync(dir);
      made.push(dir);
    }
    for (const f of files) {
      const path = join(top, ...f.path.split('/'));
      temps.push({ temp: writeTemp(path, f.content, f.mode), path });
    }
  } catch (e) {
    for (const { temp } of temps) tryUnlink(temp);
    for (const dir of made.reverse()) tryRmdir(dir);
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write into ${root}: ${reason(e)}; nothing was written`, EXIT.write);
  }
  for (const { temp, path } of temps) {
    try {
      renameSync(temp, path);
    } catch (e) {
      for (const t of temps) tryUnlink(t.temp);
      throw new CliError(`cannot write ${path}: ${reason(e)}; the bundle in ${root} is incomplete, render again`, EXIT.write);
    }
  }
}

/**
 * Writes one file (a zip) in place of `path`, all or nothing: through a temporary file and a rename for a regular
 * file, straight into a device or a pipe (`/dev/stdout`). A symbolic link to a regular file is refused.
 */
export function writeOne(path: string, content: Uint8Array, mode: number): void {
  const link = lstatOrNull(path);
  const target = link ? statOrNull(path) : null;
  if (link?.isDirectory()) throw new CliError(`${path} is a folder; nothing was written`, EXIT.write);
  if (target && !target.isFile() && !target.isDirectory()) {
    writeStream(path, content);
    return;
  }
  if (link?.isSymbolicLink())
    throw new CliError(`${path} is a symbolic link; refusing to write through it (remove it first). Nothing was written.`, EXIT.write);
  const parent = statOrNull(dirname(resolve(path)));
  if (!parent?.isDirectory()) throw new CliError(`cannot write ${path}: the folder ${dirname(path)} does not exist; nothing was written`, EXIT.write);
  let temp: string | null = null;
  try {
    temp = writeTemp(resolve(path), content, mode);
    renameSync(temp, resolve(path));
  } catch (e) {
    if (temp) tryUnlink(temp);
    throw new CliError(`cannot write ${path}: ${reason(e)}; nothing was written`, EXIT.write);
  }
}

/** Bytes to stdout (`--zip -`), with a write error reported like any other. */
export function writeStdout(content: Uint8Array): void {
  try {
    writeAll(1, content);
  } catch (e) {
    throw new CliError(`cannot write to standard output: ${reason(e)}`, EXIT.write);
  }
}

function writeStream(path: string, content: Uint8Array): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'w');
    writeAll(fd, content);
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${reason(e)}`, EXIT.write);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A new file beside `path` with the content and exact mode; its name. `wx`: never opens an existing file or link. */
function writeTemp(path: string, content: string | Uint8Array, mode: number): string {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    // Exactly 0600 for secrets and 0755 for scripts, whatever the umask; other files keep the umask's say.
    if (mode !== 0o644) fchmodSync(fd, mode);
  } catch (e) {
    closeSync(fd);
    tryUnlink(temp);
    throw e;
  }
  closeSync(fd);
  return temp;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Creates `dir` and its missing parents; returns the folders made, outermost first. */
function mkdirs(dir: string): string[] {
  const made: string[] = [];
  let d = dir;
  const chain: string[] = [];
  while (!statOrNull(d)) {
    chain.unshift(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const c of chain) {
    mkdirSync(c);
    made.push(c);
  }
  return made;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function tryRmdir(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // not empty (someone else's) or gone
  }
}
