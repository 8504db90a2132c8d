import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { generatePasswords, passwordUsers, renderBundle, SAFE_PASSWORD, zipBundle, type BundleFile, type Passwords } from '../../core';
import { lint } from '../../core/lint';
import { budget } from '../../core/budget';
import { localTargetProblem, renderLocalTarget } from '../../core/local';
import { CliError, EXIT, readTopologyFile } from '../io';
import { countBySeverity, formatProblems } from '../format';

export interface RenderOptions {
  out?: string;
  zip?: string;
  force: boolean;
  target: 'kubernetes' | 'local';
  basePort?: number;
  /** A YAML or JSON map of user → password; users it leaves out get random ones. */
  passwordsFile?: string;
}

/**
 * `render <file>`: writes the bundle. Refuses when the lint finds errors (the bundle would not work) unless
 * --force; kind budget problems are reported but never block, since the bundle may be meant for a real cluster.
 */
export function renderCommand(file: string, opts: RenderOptions, log: (s: string) => void): number {
  if (!opts.out && !opts.zip) throw new CliError('render needs --out <dir> or --zip <file>', EXIT.usage);
  const topology = readTopologyFile(file);
  const problems = lint(topology);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    log(formatProblems(errors));
    if (!opts.force) {
      log(`${file}: ${errors.length} error(s); the bundle would not work. Fix them, or pass --force to write it anyway.`);
      return EXIT.problems;
    }
    log('--force: writing the bundle despite the errors above.');
  }
  const kindErrors = budget(topology).problems.filter((p) => p.severity === 'error');
  if (kindErrors.length > 0) log(`note: on the kind VM of the topology: ${kindErrors.map((p) => p.message).join(' ')}`);

  if (opts.target === 'local') {
    const problem = localTargetProblem(topology, { basePort: opts.basePort });
    if (problem) throw new CliError(`${file}: cannot render the local target: ${problem}`, EXIT.problems);
  }
  const passwords = { ...generatePasswords(topology, (n) => new Uint8Array(randomBytes(n))), ...readPasswords(opts.passwordsFile, passwordUsers(topology)) };
  const files: BundleFile[] =
    opts.target === 'local'
      ? renderLocalTarget(topology, passwords, { basePort: opts.basePort })
      : renderBundle(topology, { passwords });
  if (opts.out) {
    const root = resolve(opts.out);
    for (const f of files) {
      const path = join(root, ...f.path.split('/'));
      // The core already makes names safe path segments; this is the last line of defence.
      if (relative(root, path).startsWith(`..${sep}`)) throw new CliError(`refusing to write ${f.path} outside ${opts.out}`, EXIT.problems);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
      if (f.path.endsWith('.sh')) chmodSync(path, 0o755);
    }
    log(`wrote ${files.length} files to ${opts.out} (${countBySeverity(problems)})`);
  }
  if (opts.zip) {
    writeFileSync(opts.zip, zipBundle(files, topology.name));
    log(`wrote ${opts.zip} (${files.length} files under ${topology.name}/)`);
  }
  return EXIT.ok;
}

/**
 * Passwords the user chose, from a YAML or JSON map `user: password`. Each must be one the server reads back
 * unchanged from the environment (SAFE_PASSWORD), and name a user of the topology.
 */
function readPasswords(file: string | undefined, users: string[]): Passwords {
  if (!file) return {};
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file}: cannot read passwords: ${(e as Error).message.split('\n')[0]}`, EXIT.unreadable);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new CliError(`${file}: must be a map of user: password`, EXIT.unreadable);
  const out: Passwords = {};
  for (const [user, pw] of Object.entries(data as Record<string, unknown>)) {
    if (!users.includes(user)) throw new CliError(`${file}: "${user}" is not a user of this topology (users: ${users.join(', ') || 'none'})`, EXIT.unreadable);
    if (typeof pw !== 'string' || !SAFE_PASSWORD.test(pw)) {
      throw new CliError(`${file}: the password of ${user} must be 12 to 128 letters, digits or ._~- and start with a letter`, EXIT.unreadable);
    }
    out[user] = pw;
  }
  return out;
}
