import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { LIMITS, parseTopology, type Topology } from '../core';

/** Why the CLI stops: a message for stderr and the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * Exit codes: 0 done; 1 problems with errors (the lint's, or a design too large to render); 2 unreadable input;
 * 3 the output could not be written (nothing was); 64 a usage mistake; 70 a bug in this program.
 */
export const EXIT = { ok: 0, problems: 1, unreadable: 2, write: 3, usage: 64, internal: 70 } as const;

/** Bytes of topology text read at most: the parser reads 2,000,000 characters, which UTF-8 takes up to 3 bytes each for. */
export const MAX_TOPOLOGY_BYTES = LIMITS.textChars * 3;

/**
 * At most `max` bytes of a file (`-`: standard input), failing as soon as there are more: `/dev/zero` or a wrong
 * multi-gigabyte file must not be read to its end. Unreadable, or larger than any `kind` of file we read, exits 2.
 */
export function readBounded(file: string, max: number, kind = 'a topology file'): Buffer {
  let fd: number | null = null;
  try {
    fd = file === '-' ? 0 : openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(Math.min(max + 1, 1 << 20));
    const chunks: Buffer[] = [];
    let total = 0;
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
      total += n;
      if (total > max) throw new CliError(`${file}: more than ${max} bytes, too large for ${kind}`, EXIT.unreadable);
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.unreadable);
  } finally {
    if (fd !== null && fd !== 0) closeSync(fd);
  }
}

/** Reads and parses a topology file; unreadable or invalid input exits 2 with every error and its position. */
export function readTopologyFile(file: string): Topology {
  const text = readBounded(file, MAX_TOPOLOGY_BYTES).toString('utf8');
  const result = parseTopology(text);
  if (result.ok) return result.topology;
  const lines = result.errors.map((e) => {
    const where = e.line !== undefined ? `${file}:${e.line}:${e.column}` : file;
    return `${where}: ${e.path}: ${e.message}`;
  });
  throw new CliError(
    `${lines.join('\n')}\n${file}: not a valid topology (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})`,
    EXIT.unreadable,
  );
}

/** Whether anything is at `path`, a dangling link included. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
