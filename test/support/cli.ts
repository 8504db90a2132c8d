import { run } from '../../src/cli/main';

/** Runs the CLI in-process, as `nats-topology <argv>` would: its exit code and what it printed to each stream. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
