import type { Topology } from '../model';
import type { Problem } from '../problems';
import { readTopologyText, type ParseError } from '../parse/parse-topology';
import type { Path } from '../parse/reader';
import { formatPath } from '../parse/reader';
import { check } from './check';
import { codeInfo } from './codes';

export interface TextCheck {
  /** The design, when the text parses (it may still have lint errors). */
  topology: Topology | null;
  /**
   * Every error of the text, the parser's and the lint's, as `line:column path: message` needs them, sorted by line
   * and column. The lint's come from the design as the text means it, even when the parse failed: each value the
   * parser refused is left out, so a file with a bad cluster name, a gateway to no cluster and a bad number reports
   * all three at once.
   */
  errors: ParseError[];
}

/** Every error of a topology text, for an import's report. */
export function checkText(text: string): TextCheck {
  const reading = readTopologyText(text);
  const parseErrors = reading.result.ok ? [] : reading.result.errors;
  const design = reading.repaired;
  const lintErrors: ParseError[] = design
    ? check(design)
        // The budget's errors are about the laptop's VM, not the file.
        .filter((p) => p.severity === 'error' && codeInfo(p.code).source === 'lint')
        .map((p) => {
          const path = problemPath(design, p);
          return { path: formatPath(path), message: `${p.message} (${p.code})`, ...reading.locate(path) };
        })
    : [];
  return { topology: reading.result.ok ? reading.result.topology : null, errors: byPosition([...parseErrors, ...lintErrors]) };
}

/** Sorted by line and column; errors without a position last; otherwise in the order found. */
function byPosition(errors: ParseError[]): ParseError[] {
  const at = (e: ParseError) => [e.line ?? Number.MAX_SAFE_INTEGER, e.column ?? 0];
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => at(a.e)[0] - at(b.e)[0] || at(a.e)[1] - at(b.e)[1] || a.i - b.i)
    .map((x) => x.e);
}

/** Where in the file a problem is: its target as a path into the topology text. */
export function problemPath(t: Topology, p: Problem): Path {
  const target = p.target;
  const field = 'field' in target && target.field ? fieldPath(target.field) : [];
  switch (target.kind) {
    case 'cluster': {
      const i = t.clusters.findIndex((c) => c.name === target.cluster);
      return i < 0 ? ['clusters'] : ['clusters', i, ...field];
    }
    case 'gateway': {
      const [a, b] = target.clusters;
      const j = t.gateways.findIndex(([x, y]) => (x === a && y === b) || (x === b && y === a));
      return j < 0 ? ['gateways'] : ['gateways', j];
    }
    case 'account': {
      const i = t.accounts.findIndex((x) => x.name === target.account);
      return i < 0 ? ['accounts'] : ['accounts', i, ...field];
    }
    case 'kind':
      return ['kind', ...field];
    case 'topology':
      return field;
  }
}

/** `otherWorkloads[0].requests.cpu` → `['otherWorkloads', 0, 'requests', 'cpu']`. */
function fieldPath(field: string): Path {
  const out: Path = [];
  for (const part of field.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const n of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(n[1]));
  }
  return out;
}
