/** Share link lengths: every template, and designs of 10, 20 and 50 clusters drawn two ways. */
import { isDeepStrictEqual } from 'node:util';
import type { Topology } from '../src/core';
import { table } from './report';
import { meshTopology, ringTopology } from './topologies';
import { target, type Core, type Suite } from './types';

export interface ShareRow {
  design: string;
  clusters: number;
  links: number;
  /** Characters of the fragment after `#`. */
  chars: number;
  /** The link opens to the same design. */
  roundTrip: boolean;
}

export interface ShareData {
  templates: ShareRow[];
  designs: ShareRow[];
}

function row(core: Core, design: string, topology: Topology): ShareRow {
  const fragment = core.encodeShareFragment(topology);
  const decoded = core.decodeShareFragment(fragment);
  return {
    design,
    clusters: topology.clusters.length,
    links: topology.gateways.length,
    chars: fragment.length,
    roundTrip: decoded.ok && isDeepStrictEqual(decoded.topology, topology),
  };
}

export const shareSuite: Suite<ShareData> = {
  id: 'share',
  title: 'Share link length',
  run(core) {
    const templates = core.TEMPLATES.map((t) => row(core, t.id, t.topology()));
    const designs = [10, 20, 50].flatMap((n) => [row(core, `ring-${n}`, ringTopology(n)), row(core, `mesh-${n}`, meshTopology(n))]);
    const chars = (rows: ShareRow[], design: string) => rows.find((r) => r.design === design)?.chars ?? null;
    const ring20 = designs.find((r) => r.design === 'ring-20')!;
    const mesh20 = designs.find((r) => r.design === 'mesh-20')!;
    return {
      data: { templates, designs },
      targets: [
        target({ id: 'share.noetl', label: 'Share link, NoETL template', limit: 400, unit: 'chars', actual: chars(templates, 'noetl') }),
        target({
          id: 'share.20',
          label: 'Share link, 20 clusters',
          limit: 2000,
          unit: 'chars',
          actual: ring20.chars,
          note: `the target's design: a ring with chords, ${ring20.links} links, one region each`,
        }),
        target({
          id: 'share.20.mesh',
          label: 'Share link, 20 clusters, full mesh',
          limit: 2000,
          unit: 'chars',
          actual: mesh20.chars,
          note: `also checked: every pair linked, ${mesh20.links} links`,
        }),
      ],
      report: table(
        ['design', 'clusters', 'links', 'link chars', 'opens'],
        [...templates, ...designs].map((r) => [r.design, r.clusters, r.links, r.chars.toLocaleString('en'), r.roundTrip ? 'yes' : 'NO']),
      ),
    };
  },
};
