/** Test fixtures for the lint rules. Not used by the renderers. */
import { parseTopology } from '../parse/parse-topology';
import type { Topology } from '../model';
import type { Problem } from '../problems';

/**
 * A topology from file-format data, through the real parser, so fixtures look like what users write. The base is
 * one default cluster `a` in topology `demo`; `data` replaces top-level keys.
 */
export function topologyFrom(data: Record<string, unknown> = {}): Topology {
  const result = parseTopology({ version: 1, name: 'demo', clusters: [{ name: 'a' }], ...data });
  if (!result.ok) throw new Error(`bad fixture: ${result.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return result.topology;
}

/** The codes of some problems, in order. */
export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}
