import { memo } from 'react';
import { useStore, useStoreApi, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useDesigner } from '../shell/context';
import { clusterIds } from '../edits/ids';
import { border, centre, type Point } from './GatewayLayer';

/**
 * Leafnode links, leaf → hub, in an `<svg>` of their own under the nodes: dashed, with an arrowhead at the hub, so
 * they read as a different kind of link from the gateways' solid lines. They are edited in the inspector ("Leaf of"),
 * so nothing here takes the pointer. A layer apart from the gateways', so each changes without the other.
 */
export function LeafLayer() {
  useStore(selectNodes);
  const { nodeLookup } = useStoreApi().getState();
  const leafnodes = useDesigner((s) => s.design.topology.leafnodes);
  const names = useDesigner(useShallow((s) => s.design.topology.clusters.map((c) => c.name)));
  const ids = useDesigner(useShallow((s) => clusterIds(s.design.topology)));
  if (!leafnodes || leafnodes.length === 0) return null;
  const nodeOf = (name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? undefined : nodeLookup.get(ids[i]);
  };
  const lines = [];
  for (const [leaf, hub] of leafnodes) {
    const from = nodeOf(leaf);
    const to = nodeOf(hub);
    if (!from?.measured.width || !to?.measured.width || from === to) continue;
    lines.push(<LeafLine key={`${leaf}\u0000${hub}`} leaf={leaf} hub={hub} a={border(from, centre(to))} b={border(to, centre(from))} />);
  }
  return (
    <ViewportPortal>
      <svg className="leaf-layer" aria-label="Leafnode links">
        <defs>
          <marker id="leaf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" className="leaf-link__head" />
          </marker>
        </defs>
        {lines}
      </svg>
    </ViewportPortal>
  );
}

const selectNodes = (s: ReactFlowState) => s.nodes;

const LeafLine = memo(function LeafLine({ leaf, hub, a, b }: { leaf: string; hub: string; a: Point; b: Point }) {
  const text = `Leafnode link: ${leaf} is a leaf of ${hub}`;
  return (
    <g className="leaf-link" role="img" aria-label={text}>
      <title>{text}</title>
      <path className="leaf-link__line" d={`M${a.x},${a.y}L${b.x},${b.y}`} markerEnd="url(#leaf-arrow)" />
    </g>
  );
});
