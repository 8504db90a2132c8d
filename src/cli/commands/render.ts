import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatePasswords, renderBundle, zipBundle, type BundleFile } from '../../core';
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
  const passwords = generatePasswords(topology, (n) => new Uint8Array(randomBytes(n)));
  const files: BundleFile[] =
    opts.target === 'local'
      ? renderLocalTarget(topology, passwords, { basePort: opts.basePort })
      : renderBundle(topology, { passwords });
  if (opts.out) {
    for (const f of files) {
      const path = join(opts.out, ...f.path.split('/'));
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
