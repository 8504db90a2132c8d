import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { BUNDLE_PATHS, changes, generatePasswords, parseTopology, readPreviousPasswords, renderBundle, zipBundle, type BundleFile, type Passwords, type Topology } from '../../core';
import { strFromU8, unzipSync } from 'fflate';
import { lint } from '../../core/lint';
import { budget } from '../../core/budget';
import { LOCAL_DIR, localTargetProblem, renderLocalTarget } from '../../core/local';
import { CliError, EXIT, readTopologyFile } from '../io';
import { countBySeverity, formatProblems } from '../format';

export interface RenderOptions {
  out?: string;
  zip?: string;
  force: boolean;
  target: 'kubernetes' | 'local';
  basePort?: number;
  /**
   * Passwords to use: a previous bundle's `secret.yaml`, `local/secrets.env` or zip, or a YAML/JSON map of user →
   * password. Users it leaves out keep the output's existing passwords, or get random ones.
   */
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
  reportChanges(topology, opts, log);
  const passwords = choosePasswords(topology, opts, log);
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
 * When the output already holds a design (a bundle's or a local run's topology.yaml, or the zip's), says what applying
 * this one over it needs beyond `kubectl apply` (day-2 changes). Never blocks: the procedures are in the README.
 */
function reportChanges(topology: Topology, opts: RenderOptions, log: (s: string) => void): void {
  const previous = previousDesign(opts);
  if (!previous) return;
  const parsed = parseTopology(previous.text);
  if (!parsed.ok) {
    log(`note: ${previous.source} is not a valid topology, so this render cannot say what changes since it`);
    return;
  }
  const found = changes(parsed.topology, topology);
  if (found.length > 0) log(`Changes since the design in ${previous.source} that need more than applying the bundle:\n${formatProblems(found)}`);
}

function previousDesign(opts: RenderOptions): { source: string; text: string } | null {
  const file = opts.out && (opts.target === 'local' ? join(opts.out, LOCAL_DIR, 'topology.yaml') : join(opts.out, BUNDLE_PATHS.topology));
  if (file && existsSync(file)) return { source: file, text: readFileSync(file, 'utf8') };
  if (opts.zip && existsSync(opts.zip)) {
    try {
      const entries = unzipSync(readFileSync(opts.zip), { filter: (f) => /^[^/]+\/topology\.yaml$/.test(f.name) });
      const [name] = Object.keys(entries);
      if (name) return { source: `${opts.zip} (${name})`, text: strFromU8(entries[name]) };
    } catch {
      // not a zip we wrote: nothing to compare with
    }
  }
  return null;
}

/**
 * Random passwords, overridden by those already in the output (re-rendering never changes a password: running pods
 * keep theirs until they restart), overridden by `--passwords`. Says where each came from, never what it is.
 */
function choosePasswords(topology: Topology, opts: RenderOptions, log: (s: string) => void): Passwords {
  const passwords = generatePasswords(topology, (n) => new Uint8Array(randomBytes(n)));
  const existing = existingSecrets(opts);
  const sources = [existing && { file: existing, explicit: false }, opts.passwordsFile && { file: opts.passwordsFile, explicit: true }].filter(Boolean) as { file: string; explicit: boolean }[];
  const chosen = new Set<string>();
  for (const { file, explicit } of sources) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new CliError(`${file}: cannot read passwords: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.unreadable);
    }
    const r = readPreviousPasswords(topology, file, bytes);
    if (!r.ok) throw new CliError(`${r.error}${explicit ? '' : ' (it is already in the output; pass --passwords, or move it away, to start afresh)'}`, EXIT.unreadable);
    const { value } = r;
    if (explicit && !value.fromBundle && value.unused.length > 0) {
      throw new CliError(`${file}: ${value.unused.map((u) => JSON.stringify(u)).join(', ')} ${value.unused.length === 1 ? 'is' : 'are'} not a user of this topology`, EXIT.unreadable);
    }
    for (const [user, pw] of value.passwords) passwords.set(user, pw);
    const users = [...value.passwords.keys()];
    users.forEach((u) => chosen.add(u));
    const ignored = value.unused.length ? `; ignored ${value.unused.length} entr${value.unused.length === 1 ? 'y' : 'ies'} for users no longer in the design` : '';
    log(`${explicit ? 'used' : 'kept'} the passwords of ${users.length} user${users.length === 1 ? '' : 's'} from ${value.source}${ignored}`);
  }
  const fresh = [...passwords.keys()].filter((u) => !chosen.has(u));
  if (sources.length > 0 && fresh.length > 0) log(`new random passwords for: ${fresh.join(', ')}`);
  return passwords;
}

/**
 * The passwords a previous render left where this one writes, if any: the Secret or the local secrets.env (a local
 * target rendered into a bundle folder takes the bundle's passwords, and the other way round), or the zip.
 */
function existingSecrets(opts: RenderOptions): string | null {
  const secret = opts.out && join(opts.out, BUNDLE_PATHS.secret);
  const env = opts.out && join(opts.out, LOCAL_DIR, 'secrets.env');
  const candidates = opts.target === 'local' ? [env, secret, opts.zip] : [secret, env, opts.zip];
  return candidates.find((f): f is string => typeof f === 'string' && existsSync(f)) ?? null;
}
