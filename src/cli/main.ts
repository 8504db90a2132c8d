import { parseArgs } from 'node:util';
import { CliError, EXIT } from './io';
import { renderCommand } from './commands/render';
import { lintCommand } from './commands/lint';
import { budgetCommand } from './commands/budget';
import { initCommand, templatesCommand } from './commands/templates';

const USAGE = `nats-topology: NATS superclusters on Kubernetes from one topology file

usage:
  nats-topology render <file> --out <dir> [--zip <file>|-] [--target kubernetes|local] [--base-port N]
                       [--passwords <file>] [--force]
  nats-topology lint <file> [--format text|json] [--previous <file>]
  nats-topology budget <file> [--format text|json]
  nats-topology templates
  nats-topology init <template> [file] [--force]

exit codes: 0 ok, 1 problems with errors (render: lint errors or a design too large, nothing written),
            2 unreadable input, 3 the output could not be written (nothing was), 64 usage, 70 a bug`;

/** Runs one CLI invocation; returns the exit code. Output goes through `out` and `err` so tests can call it. */
export function run(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        zip: { type: 'string' },
        target: { type: 'string', default: 'kubernetes' },
        'base-port': { type: 'string' },
        passwords: { type: 'string' },
        previous: { type: 'string' },
        force: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values: v, positionals } = parsed;
  const [command, ...args] = positionals;
  if (v.help || !command) {
    (v.help ? out : err)(USAGE);
    return v.help ? EXIT.ok : EXIT.usage;
  }
  const format = v.format === 'json' ? 'json' : v.format === 'text' ? 'text' : null;
  try {
    if (!format) throw new CliError(`--format must be text or json`, EXIT.usage);
    const need = (n: number) => {
      if (args.length < n) throw new CliError(`${command} needs ${n === 1 ? 'a topology file' : `${n} arguments`}\n\n${USAGE}`, EXIT.usage);
    };
    switch (command) {
      case 'render': {
        need(1);
        if (v.target !== 'kubernetes' && v.target !== 'local') throw new CliError('--target must be kubernetes or local', EXIT.usage);
        const basePort = v['base-port'] === undefined ? undefined : Number(v['base-port']);
        if (basePort !== undefined && !Number.isInteger(basePort)) {
          throw new CliError('--base-port must be a whole number', EXIT.usage);
        }
        // Status lines go to stderr so `--zip -` pipelines stay clean.
        return renderCommand(args[0], { out: v.out, zip: v.zip, force: v.force, target: v.target, basePort, passwordsFile: v.passwords }, err);
      }
      case 'lint':
        need(1);
        return lintCommand(args[0], format, out, v.previous);
      case 'budget':
        need(1);
        return budgetCommand(args[0], format, out);
      case 'templates':
        return templatesCommand(out);
      case 'init':
        need(1);
        return initCommand(args[0], args[1] ?? 'topology.yaml', v.force, out);
      default:
        throw new CliError(`unknown command "${command}"\n\n${USAGE}`, EXIT.usage);
    }
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      return e.exitCode;
    }
    // Not a user's mistake: say so with its own exit code, so a script never takes a bug for lint errors.
    err(`nats-topology: internal error, please report it: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.internal;
  }
}
