import { readFileSync } from 'node:fs';
import { parseTopology, type Topology } from '../core';

/** Why the CLI stops: a message for stderr and the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, problems: 1, unreadable: 2, usage: 64 } as const;

/** Reads and parses a topology file; unreadable or invalid input exits 2 with every error and its position. */
export function readTopologyFile(file: string): Topology {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.unreadable);
  }
  const result = parseTopology(text);
  if (result.ok) return result.topology;
  const lines = result.errors.map((e) => {
    const where = e.line !== undefined ? `${file}:${e.line}:${e.column}` : file;
    return `${where}: ${e.path}: ${e.message}`;
  });
  throw new CliError(`${lines.join('\n')}\n${file}: not a valid topology (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})`, EXIT.unreadable);
}
