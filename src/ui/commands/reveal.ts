/**
 * Where a problem points: what to select, which field to ask the inspector to focus, and what to fit the view to.
 * Problems name clusters; the canvas and the selection know them by id.
 */
import type { Problem, Topology } from '../../core';
import { clusterIdOf, linksBetween } from '../edits/ids';
import { EMPTY_SELECTION } from '../store/session';
import type { Outcome } from './command';

export function revealProblem(topology: Topology, problem: Problem): Outcome {
  const t = problem.target;
  switch (t.kind) {
    case 'cluster': {
      const id = clusterIdOf(topology, t.cluster) ?? t.cluster;
      return { session: { selection: { clusters: [id], gateways: [] }, focus: { scope: 'cluster', id, field: t.field } }, fit: [id] };
    }
    case 'gateway': {
      const [a, b] = t.clusters;
      const link = linksBetween(topology, a, b)[0];
      const ends = [a, b].map((n) => clusterIdOf(topology, n)).filter((id): id is string => id !== undefined);
      // A link that is not drawn (the lint's point may be that it is missing): its clusters instead.
      const selection = link ? { clusters: [], gateways: [link] } : { clusters: ends, gateways: [] };
      return { session: { selection, focus: { scope: 'gateway' } }, fit: ends };
    }
    case 'account': {
      const i = topology.accounts.findIndex((a) => a.name === t.account);
      return { session: { selection: EMPTY_SELECTION, focus: { scope: 'account', id: i < 0 ? undefined : i, field: t.field } } };
    }
    case 'topology':
    case 'kind': {
      const field = t.field;
      const focus =
        t.kind === 'topology' && field?.startsWith('defaults.')
          ? { scope: 'defaults' as const, field: field.slice('defaults.'.length) }
          : { scope: t.kind, field };
      return { session: { selection: EMPTY_SELECTION, focus } };
    }
  }
}
