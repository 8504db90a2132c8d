import { randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUNDLE_PATHS,
  bundleOutputSize,
  changes,
  check,
  fileMode,
  generatePasswords,
  LOCAL_DIR,
  localTargetProblem,
  MAX_PREVIOUS_BYTES,
  outputSizeProblem,
  parseTopology,
  PROBLEM_CODES,
  readPreviousPasswords,
  renderBundle,
  renderLocalTarget,
  zipBundle,
  type BundleFile,
  type Passwords,
  type Topology,
} from '../../core';
import { strFromU8, unzipSync } from 'fflate';
import { CliError, exists, EXIT, MAX_TOPOLOGY_BYTES, readBounded, readTopologyFile } from '../io';
import { writeOne, writeStdout, writeTree } from '../write-files';
import { countBySeverity, formatProblems } from '../format';

export interface RenderOptions {
  out?: string;
  /** A zip file, or `-` for standard output. */
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

/** A previous bundle's zip is read at most this large to find its design (a bundle of 32 MB of text zips far smaller). */
const MAX_ZIP_BYTES = 64 * 1024 * 1024;

/**
 * `render <file>`: writes the bundle. Refuses when the lint finds errors (the bundle would not work) unless
 * --force, and a design too large to render even with it; kind budget problems are reported but never block, since
 * the bundle may be meant for a real cluster. Writes all or nothing, never through a symbolic link.
 */
export function renderCommand(file: string, opts: RenderOptions, log: (s: string) => void): number {
  if (!opts.out && !opts.zip) throw new CliError('render needs --out <dir> or --zip <file>', EXIT.usage);
  const topology = readTopologyFile(file);
  const problems = check(topology);
  // The kind budget's errors never block: the bundle may be meant for a real cluster.
  const errors = problems.filter((p) => p.severity === 'error' && PROBLEM_CODES[p.code].source !== 'budget');
  if (errors.length > 0) {
    log(formatProblems(errors));
    if (!opts.force) {
      log(`${file}: ${errors.length} error(s); the bundle would not work. Fix them, or pass --force to write it anyway.`);
      return EXIT.problems;
    }
    log('--force: writing the bundle despite the errors above.');
  }
  // Checked before anything is rendered, --force or not: past it a render would take minutes and gigabytes.
  const tooLarge = opts.target === 'kubernetes' ? outputSizeProblem(bundleOutputSize(topology)) : null;
  if (tooLarge) throw new CliError(`${file}: cannot render: ${tooLarge}`, EXIT.problems);
  const kindErrors = problems.filter((p) => p.severity === 'error' && PROBLEM_CODES[p.code].source === 'budget');
  if (kindErrors.length > 0) log(`note: on the kind VM of the topology: ${kindErrors.map((p) => p.message).join(' ')}`);

  if (opts.target === 'local') {
    const problem = localTargetProblem(topology, { basePort: opts.basePort });
    if (problem) throw new CliError(`${file}: cannot render the local target: ${problem}`, EXIT.problems);
  }
  reportChanges(topology, opts, log);
  const passwords = choosePasswords(topology, opts, log);
  const files: BundleFile[] =
    opts.target === 'local' ? renderLocalTarget(topology, passwords, { basePort: opts.basePort }) : renderBundle(topology, { passwords });
  if (opts.out) {
    writeTree(
      opts.out,
      files.map((f) => ({ path: f.path, content: f.content, mode: fileMode(f.path) })),
    );
    log(`wrote ${files.length} files to ${opts.out} (${countBySeverity(problems)})`);
  }
  if (opts.zip) {
    const zip = zipBundle(files, topology.name);
    // The zip holds the passwords: only its owner may read it.
    if (opts.zip === '-') writeStdout(zip);
    else writeOne(opts.zip, zip, 0o600);
    log(`wrote ${opts.zip === '-' ? 'the zip to standard output' : opts.zip} (${files.length} files under ${topology.name}/)`);
  }
  return EXIT.ok;
}

/**
 * A file of a previous render in the output, read only if it is a plain file: a link there is refused, as writing
 * would refuse it. Null when there is none.
 */
function readPrevious(path: string, max: number, kind: string): Buffer | null {
  let isLink: boolean;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return null;
  }
  if (isLink)
    throw new CliError(
      `${path} is a symbolic link; refusing to read or write through it (remove it, or render into another folder). Nothing was written.`,
      EXIT.write,
    );
  return readBounded(path, max, kind);
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
  const text = file ? readPrevious(file, MAX_TOPOLOGY_BYTES, 'a topology file') : null;
  if (file && text) return { source: file, text: text.toString('utf8') };
  const zip = opts.zip && opts.zip !== '-' ? readZip(opts.zip) : null;
  if (opts.zip && zip) {
    try {
      const entries = unzipSync(zip, { filter: (f) => /^[^/]+\/topology\.yaml$/.test(f.name) && f.originalSize <= MAX_TOPOLOGY_BYTES });
      const [name] = Object.keys(entries);
      if (name) return { source: `${opts.zip} (${name})`, text: strFromU8(entries[name]) };
    } catch {
      // not a zip we wrote: nothing to compare with
    }
  }
  return null;
}

/** An existing zip at the --zip path, if it is a regular file (not a device such as /dev/stdout). */
function readZip(path: string): Buffer | null {
  try {
    if (!lstatSync(path).isFile()) return null;
  } catch {
    return null;
  }
  return readBounded(path, MAX_ZIP_BYTES, 'a bundle zip');
}

/**
 * Random passwords, overridden by those already in the output (re-rendering never changes a password: running pods
 * keep theirs until they restart), overridden by `--passwords`. Says where each came from, never what it is.
 */
function choosePasswords(topology: Topology, opts: RenderOptions, log: (s: string) => void): Passwords {
  const passwords = generatePasswords(topology, (n) => new Uint8Array(randomBytes(n)));
  const existing = existingSecrets(opts);
  const sources = [existing && { file: existing, explicit: false }, opts.passwordsFile && { file: opts.passwordsFile, explicit: true }].filter(Boolean) as {
    file: string;
    explicit: boolean;
  }[];
  const chosen = new Set<string>();
  for (const { file, explicit } of sources) {
    const bytes = explicit ? readBounded(file, MAX_PREVIOUS_BYTES, 'a Secret or a bundle') : readPrevious(file, MAX_PREVIOUS_BYTES, 'a Secret or a bundle');
    if (!bytes) continue;
    const r = readPreviousPasswords(topology, file, bytes);
    if (!r.ok)
      throw new CliError(`${r.error}${explicit ? '' : ' (it is already in the output; pass --passwords, or move it away, to start afresh)'}`, EXIT.unreadable);
    const { value } = r;
    if (explicit && !value.fromBundle && value.unused.length > 0) {
      throw new CliError(
        `${file}: ${value.unused.map((u) => JSON.stringify(u)).join(', ')} ${value.unused.length === 1 ? 'is' : 'are'} not a user of this topology`,
        EXIT.unreadable,
      );
    }
    for (const [user, pw] of value.passwords) passwords.set(user, pw);
    const users = [...value.passwords.keys()];
    users.forEach((u) => chosen.add(u));
    const ignored = value.unused.length
      ? `; ignored ${value.unused.length} entr${value.unused.length === 1 ? 'y' : 'ies'} for users no longer in the design`
      : '';
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
  // A bundle spanning several Kubernetes clusters keeps its one Secret under base/.
  const baseSecret = opts.out && join(opts.out, 'base', BUNDLE_PATHS.secret);
  const env = opts.out && join(opts.out, LOCAL_DIR, 'secrets.env');
  const zip = opts.zip && opts.zip !== '-' && isRegularFile(opts.zip) ? opts.zip : null;
  const candidates = opts.target === 'local' ? [env, secret, baseSecret, zip] : [secret, baseSecret, env, zip];
  return candidates.find((f): f is string => typeof f === 'string' && exists(f)) ?? null;
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}
