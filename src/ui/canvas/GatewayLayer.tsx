import { memo, useRef, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import { useStore, useStoreApi, ViewportPortal, type InternalNode, type ReactFlowState } from '@xyflow/react';
import type { Severity } from '../../core';
import { impliedInFocus, type Focus } from './focus';
import { impliedDescription, type ImpliedLink } from './implied-links';

/** A gateway link as the canvas draws it. */
export interface GatewayLink {
  /** The gateway's id (see edits/ids.ts). */
  id: string;
  /** Its two clusters' names, as the topology writes them. */
  a: string;
  b: string;
  /** The node ids of the first clusters so named. */
  from: string;
  to: string;
  selected: boolean;
  severity: Severity | null;
}

/**
 * Every gateway link in one `<svg>` under the nodes, drawn centre to centre and clipped at both nodes' borders.
 * Not React Flow edges: each of those is a component with its own store subscription and its own `<svg>`, and with a
 * thousand links the browser spent more time layering those than on anything else an edit or a drag changed. Here a
 * move of a node redraws the links it touches and nothing else.
 */
/**
 * Past this many drawn links a layout cannot keep them apart (a full mesh of 30 has 435): they are drawn thin and
 * faint, and the selection brings its own forward (see focus.ts).
 */
export const DENSE_LINKS = 60;

export function GatewayLayer({ links, implied, onChoose, focus }: { links: GatewayLink[]; implied: ImpliedLink[]; onChoose: ChooseLink; focus: Focus | null }) {
  // Node positions and sizes live in React Flow's store; `nodes` is a new array whenever any of them changes.
  useStore(selectNodes);
  const { nodeLookup } = useStoreApi().getState();
  // React Flow keeps a node's internal object while the node is unchanged: a link whose two nodes kept theirs keeps
  // its very element, which React skips without a look. A drag redraws the dragged node's links only.
  const previous = useRef(new Map<string, Drawn>());
  const next = new Map<string, Drawn>();
  // Links that touch a node being dragged go into a layer of their own: the browser then repaints a few lines per
  // move, not every line of the design (all in one layer, a drag of one node in a ring of 100 repainted ~5,000).
  const still: ReactElement[] = [];
  const moving: ReactElement[] = [];
  const add = (d: Drawn) => (d.from.dragging || d.to.dragging ? moving : still).push(d.element);
  // The implied connections first: SVG paints in document order, so they lie under every drawn link.
  for (const link of implied) {
    const inFocus = focus !== null && impliedInFocus(focus, link);
    const d = place(link, nodeLookup, previous.current, inFocus, (x1, y1, x2, y2) => (
      <Implied key={link.id} link={link} x1={x1} y1={y1} x2={x2} y2={y2} inFocus={inFocus} />
    ));
    if (!d) continue;
    next.set(link.id, d);
    add(d);
  }
  for (const link of links) {
    const inFocus = focus !== null && focus.links.has(link.id);
    const d = place(link, nodeLookup, previous.current, inFocus, (x1, y1, x2, y2) => (
      <Link key={link.id} link={link} x1={x1} y1={y1} x2={x2} y2={y2} onChoose={onChoose} inFocus={inFocus} />
    ));
    if (!d) continue;
    next.set(link.id, d);
    add(d);
  }
  previous.current = next;
  const className = `gateway-layer${focus ? ' has-focus' : ''}${links.length > DENSE_LINKS ? ' is-dense' : ''}`;
  return (
    <ViewportPortal>
      <svg className={className} aria-label="Gateway links">
        {still}
      </svg>
      {moving.length > 0 && (
        <svg className={`${className} is-moving`} aria-label="Gateway links being moved">
          {moving}
        </svg>
      )}
    </ViewportPortal>
  );
}

const selectNodes = (s: ReactFlowState) => s.nodes;

type Placed = GatewayLink | ImpliedLink;

/**
 * A line from node to node, clipped at both borders: the previous element while the link and both nodes are the very
 * objects they were, else a new one. Null while either node is unmeasured.
 */
function place(
  link: Placed,
  nodeLookup: Map<string, InternalNode>,
  previous: Map<string, Drawn>,
  inFocus: boolean,
  make: (x1: number, y1: number, x2: number, y2: number) => ReactElement,
): Drawn | null {
  const from = nodeLookup.get(link.from);
  const to = nodeLookup.get(link.to);
  if (!from?.measured.width || !to?.measured.width) return null;
  const old = previous.get(link.id);
  if (old && old.link === link && old.from === from && old.to === to && old.inFocus === inFocus) return old;
  const p = border(from, centre(to));
  const q = border(to, centre(from));
  return { link, from, to, inFocus, element: make(p.x, p.y, q.x, q.y) };
}

interface Drawn {
  link: Placed;
  from: InternalNode;
  to: InternalNode;
  inFocus: boolean;
  element: ReactElement;
}

interface LinkProps {
  link: GatewayLink;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  onChoose: ChooseLink;
  /** Brought forward by the selection (the layer dims the rest while anything is selected). */
  inFocus: boolean;
}

/** Selects a link: alone, or added to (or taken from) the selection when `additive`. */
export type ChooseLink = (id: string, additive: boolean) => void;

const Link = memo(function Link({ link, x1, y1, x2, y2, onChoose, inFocus }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    e.stopPropagation();
    onChoose(link.id, e.shiftKey || e.metaKey || e.ctrlKey);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onChoose(link.id, e.shiftKey);
  };
  return (
    // `nopan`: a press on a link selects it; it does not start panning the canvas.
    <g
      className={`gateway-link nopan${link.selected ? ' is-selected' : ''}${link.severity ? ` has-${link.severity}` : ''}`}
      data-related={inFocus || undefined}
      role="button"
      tabIndex={0}
      aria-label={`Gateway ${link.a} to ${link.b}`}
      aria-pressed={link.selected}
      data-id={link.id}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {/* The click target: a filled band around the line rather than a wide stroke, so the link has a real box
          even when it is perfectly horizontal or vertical (strokes do not count towards an SVG box). */}
      <path className="gateway-link__hit" d={band({ x: x1, y: y1 }, { x: x2, y: y2 }, HIT_HALF_WIDTH)} />
      <path className="gateway-link__line" d={`M${x1},${y1}L${x2},${y2}`} />
    </g>
  );
});

const HIT_HALF_WIDTH = 9;

/**
 * A connection NATS makes that was not drawn: a faint dashed line, under the links, that nothing selects or drags.
 * Its band takes the pointer only to show the tooltip (a press there pans the canvas, as on blank canvas).
 */
const Implied = memo(function Implied({
  link,
  x1,
  y1,
  x2,
  y2,
  inFocus,
}: {
  link: ImpliedLink;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  inFocus: boolean;
}) {
  const text = impliedDescription(link);
  return (
    <g className="implied-link" role="img" aria-label={text} data-id={link.id} data-related={inFocus || undefined}>
      <title>{text}</title>
      <path className="implied-link__hit" d={band({ x: x1, y: y1 }, { x: x2, y: y2 }, IMPLIED_HALF_WIDTH)} />
      <path className="implied-link__line" d={`M${x1},${y1}L${x2},${y2}`} />
    </g>
  );
});

const IMPLIED_HALF_WIDTH = 4;

export interface Point {
  x: number;
  y: number;
}

/** A rectangle of half-width `w` around the segment a–b, as an SVG path. */
function band(a: Point, b: Point, w: number): string {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = (-(b.y - a.y) / len) * w;
  const ny = ((b.x - a.x) / len) * w;
  return `M${a.x + nx},${a.y + ny}L${b.x + nx},${b.y + ny}L${b.x - nx},${b.y - ny}L${a.x - nx},${a.y - ny}Z`;
}

function size(n: InternalNode): { w: number; h: number } {
  return { w: n.measured.width ?? 0, h: n.measured.height ?? 0 };
}

export function centre(n: InternalNode): Point {
  const { w, h } = size(n);
  return { x: n.internals.positionAbsolute.x + w / 2, y: n.internals.positionAbsolute.y + h / 2 };
}

/** Where the line from this node's centre towards `toward` leaves its rectangle. */
export function border(n: InternalNode, toward: Point): Point {
  const c = centre(n);
  const { w, h } = size(n);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = 1 / Math.max(Math.abs(dx) / (w / 2 || 1), Math.abs(dy) / (h / 2 || 1));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}
