import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type Node,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import type { Position, Topology } from '../../core';
import { useDesigner, useDesignerContext } from '../shell/context';
import { EmptyState } from './EmptyState';
import { useResolvedTheme } from '../shell/theme';
import { runCommand, type CommandContext } from '../commands/registry';
import { useCanvasInteractiveMark } from './use-canvas-interactive';
import { useImportFile } from '../shell/use-import-file';
import { useDerived } from '../shell/use-derived';
import { clusterIds, clusterName, clustersLinked } from '../edits/ids';
import { GRID, NODE_HEIGHT, NODE_WIDTH } from '../edits/layout';
import { CLUSTER_PRESETS, type ClusterPreset } from '../edits/topology-edits';
import type { Selection } from '../store/session';
import { select, setMeasured } from '../store/store';
import { ClusterNode, type ClusterFlowNode } from './ClusterNode';
import { nodeAt } from './connection-target';
import { createLinkBuilder, createNodeBuilder } from './flow-elements';
import { GatewayLayer } from './GatewayLayer';
import { LeafLayer } from './LeafLayer';
import { createImpliedBuilder, type ImpliedLink } from './implied-links';
import { ImpliedLegend } from './ImpliedLegend';
import { FindCluster } from './FindCluster';
import { fitPadding, type Rect } from './fit';
import { focusOf } from './focus';
import { useMinimapShown } from './minimap-shown';

/** Data type of a palette drag. */
export const PALETTE_MIME = 'application/x-nats-cluster';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { cluster: ClusterNode };
// React Flow gets no edges: the links are drawn by GatewayLayer.
const NO_EDGES: Edge[] = [];
const SNAP_GRID: [number, number] = [GRID, GRID];
// The first fit, before the overlays are measured; every later one keeps them clear (see fitTo).
const FIT_VIEW_OPTIONS = { padding: 0.25, maxZoom: 1 };
// Low enough that a ring of 30 fits a 1280×720 window; names stay legible when zoomed out (COMPACT_ZOOM).
const MIN_ZOOM = 0.1;
/** Screen pixels kept free around what a fit shows, besides the overlays. */
const FIT_MARGIN = 24;
/** What floats over the canvas; a fit keeps the clusters clear of each. */
const OVERLAYS = '.react-flow__minimap, .react-flow__controls, .find-cluster__input, .implied-legend';
/**
 * Below this zoom a cluster's details are too small to read: nodes show their name alone, large (see app.css). A
 * fit of 30 clusters lands well below it.
 */
export const COMPACT_ZOOM = 0.6;
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: false };
const selectCompact = (s: { transform: [number, number, number] }) => s.transform[2] < COMPACT_ZOOM;
const MINIMAP_STYLE = { width: 168, height: 112 };
const NO_IMPLIED: ImpliedLink[] = [];

const MINIMAP_COLORS: Record<string, string> = { error: 'var(--error)', warning: 'var(--warning)', info: 'var(--accent)' };

function minimapColor(n: Node): string {
  const worst = (n as ClusterFlowNode).data.problems?.worst;
  return worst ? MINIMAP_COLORS[worst] : 'var(--node-mini)';
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasFlow />
    </ReactFlowProvider>
  );
}

function CanvasFlow() {
  const designer = useDesignerContext();
  const { store } = designer;
  const rf = useReactFlow<ClusterFlowNode>();
  const wrapper = useRef<HTMLDivElement>(null);
  const topology = useDesigner((s) => s.design.topology);
  const selection = useDesigner((s) => s.session.selection);
  const measured = useDesigner((s) => s.canvas.measured);
  const templatesOpen = useDesigner((s) => s.session.dialog === 'templates');
  const theme = useResolvedTheme();
  // Badges follow the settled topology's problems (a frame after an edit); the nodes follow the live topology.
  const { byCluster, byGateway } = useDerived();

  // Positions of the nodes being dragged, until the drop commits them as one step. Not state: a move goes straight
  // into React Flow (see onNodesChange), and is read here only if something else re-renders the canvas mid-drag.
  // By canvas id: a Map, since an id may be `constructor`.
  const drag = useRef<Map<string, Position> | null>(null);
  const buildNodes = useMemo(createNodeBuilder, []);
  const buildLinks = useMemo(createLinkBuilder, []);
  // Links depend on the gateways and the names only: an edit of a cluster's settings does not rebuild them.
  const gateways = useDesigner((s) => s.design.topology.gateways);
  const names = useDesigner(useShallow((s) => s.design.topology.clusters.map((c) => c.name)));
  const ids = useDesigner(useShallow((s) => clusterIds(s.design.topology)));
  const links = useMemo(() => buildLinks({ gateways, names, ids, selection, byGateway }), [buildLinks, gateways, names, ids, selection, byGateway]);
  // The selection brings its links and neighbours forward and dims the rest.
  const focus = useMemo(() => focusOf(selection, links), [selection, links]);
  const nodes = useMemo(
    () => buildNodes({ topology, selection, drag: drag.current, measured, byCluster, focus }),
    [buildNodes, topology, selection, measured, byCluster, focus],
  );
  // Zoomed out past reading: names only, drawn large. Re-renders the canvas when the threshold is crossed, not per zoom.
  const compact = useStore(selectCompact);
  const [minimapShown, toggleMinimap] = useMinimapShown();
  const findInput = useRef<HTMLInputElement>(null);
  // The connections NATS makes that were not drawn: rebuilt when the links or the names change, nothing else.
  const buildImplied = useMemo(createImpliedBuilder, []);
  const implied = useMemo(() => buildImplied({ gateways, names, ids }), [buildImplied, gateways, names, ids]);
  const impliedShown = useDesigner((s) => s.session.impliedShown);

  // Interactive: every node measured (React Flow shows nodes once measured), or nothing to show.
  const flowStore = useStoreApi<ClusterFlowNode>();
  const nodesInitialized = useNodesInitialized();
  const stillReady = useCallback(() => {
    const flow = flowStore.getState();
    return flow.nodes.length === 0 ? store.getState().design.topology.clusters.length === 0 : flow.nodesInitialized;
  }, [flowStore, store]);
  useCanvasInteractiveMark(nodes.length === 0 || nodesInitialized, stillReady);

  // The node names' size while compact follows the zoom, set on the wrapper as a CSS variable: no React render per zoom.
  useEffect(
    () =>
      flowStore.subscribe((s, prev) => {
        if (s.transform[2] !== prev.transform[2]) wrapper.current?.style.setProperty('--zoom', String(s.transform[2]));
      }),
    [flowStore],
  );

  // True while the view is the last fit to everything: a resize of the panels (or the minimap shown) fits again.
  const fitted = useRef(true);
  /**
   * Fits the view to these clusters (all when omitted) so none sits under the minimap, the controls or a panel: the
   * padding clears each overlay along whichever edge costs least zoom. React Flow applies it once the nodes are measured.
   */
  const fitTo = useCallback(
    (ids: string[] | undefined, duration: number) => {
      const el = wrapper.current;
      if (!el) return;
      const bounds = designBounds(store.getState(), ids);
      if (!bounds) return;
      const pane = el.getBoundingClientRect();
      const overlays: Rect[] = [...el.querySelectorAll(OVERLAYS)].map((o) => {
        const b = o.getBoundingClientRect();
        return { x: b.left - pane.left, y: b.top - pane.top, width: b.width, height: b.height };
      });
      const p = fitPadding(bounds, pane, overlays, { margin: FIT_MARGIN, minZoom: MIN_ZOOM, maxZoom: 1 });
      fitted.current = ids === undefined;
      void rf.fitView({
        nodes: ids?.map((id) => ({ id })),
        padding: { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` },
        minZoom: MIN_ZOOM,
        maxZoom: 1,
        duration,
      });
    },
    [rf, store],
  );
  // A person who pans or zooms owns the view; a fit (no event) keeps it fitted.
  const onMoveStart = useCallback((e: MouseEvent | TouchEvent | null) => {
    if (e) fitted.current = false;
  }, []);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      // The first report is the mount: React Flow's own first fit is under way; later ones are the panels moving.
      if (first) first = false;
      else if (fitted.current) fitTo(undefined, 0);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fitTo]);
  // Once, when the first nodes are measured (the overlays are in place by then): React Flow's first fit did not know
  // them. Later additions keep the view where it is (a command reveals what it adds).
  const ready = nodes.length > 0 && nodesInitialized;
  const firstFit = useRef(false);
  useEffect(() => {
    if (!ready || firstFit.current) return;
    firstFit.current = true;
    if (fitted.current) fitTo(undefined, 0);
  }, [ready, fitTo]);
  // The minimap came or went: a fitted view fits again around it (or into the room it left).
  const minimapBefore = useRef(minimapShown);
  useEffect(() => {
    if (minimapBefore.current === minimapShown) return;
    minimapBefore.current = minimapShown;
    if (fitted.current) fitTo(undefined, 250);
  }, [minimapShown, fitTo]);

  // Lend the view to commands (fit view, add at the centre).
  useEffect(() => {
    designer.view.current = {
      fitView(ids) {
        fitTo(ids, 250);
      },
      focusFind() {
        findInput.current?.focus();
        findInput.current?.select();
      },
      centre() {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return { x: 0, y: 0 };
        return rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      },
      reveal(ids) {
        // After the new nodes render: zoom out to everything only when one of them is off screen.
        requestAnimationFrame(() => {
          const r = wrapper.current?.getBoundingClientRect();
          if (!r) return;
          const topLeft = rf.screenToFlowPosition({ x: r.left, y: r.top });
          const bottomRight = rf.screenToFlowPosition({ x: r.right, y: r.bottom });
          const hidden = ids.some((id) => {
            const n = rf.getInternalNode(id);
            if (!n) return false;
            const { x, y } = n.internals.positionAbsolute;
            const w = n.measured.width ?? NODE_WIDTH;
            const h = n.measured.height ?? NODE_HEIGHT;
            return x < topLeft.x || y < topLeft.y || x + w > bottomRight.x || y + h > bottomRight.y;
          });
          if (hidden) fitTo(undefined, 250);
        });
      },
    };
    return () => {
      designer.view.current = null;
    };
  }, [designer, rf, fitTo]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ClusterFlowNode>[]) => {
      const { session, canvas } = store.getState();
      const moving: NodeChange<ClusterFlowNode>[] = [];
      const dropped = new Map<string, Position>();
      let dropCount = 0;
      let sizes: Map<string, { width: number; height: number }> | null = null;
      const selectChanges: { id: string; selected: boolean }[] = [];
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          if (c.dragging) {
            moving.push(c);
            (drag.current ??= new Map()).set(c.id, c.position);
          } else {
            dropped.set(c.id, c.position);
            dropCount++;
          }
        } else if (c.type === 'dimensions' && c.dimensions) {
          const old = canvas.measured.get(c.id);
          if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) {
            (sizes ??= new Map(canvas.measured)).set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
          }
        } else if (c.type === 'select') selectChanges.push(c);
      }
      if (selectChanges.length) {
        const next = applySelect(session.selection, 'clusters', selectChanges);
        // A plain click on a node selects it alone, links included (React Flow knows nothing of the links).
        const alone = !flowStore.getState().multiSelectionActive && selectChanges.some((c) => c.selected);
        select(store, alone ? { ...next, gateways: [] } : next);
      }
      if (sizes) setMeasured(store, sizes);
      if (moving.length) {
        // A move mid-drag goes straight to React Flow, as if it held the nodes: neither this component nor a hundred
        // cluster nodes' store selectors run for it. The design changes once, on the drop.
        const flow = flowStore.getState();
        flow.setNodes(applyNodeChanges(moving, flow.nodes));
      }
      if (dropCount > 0) {
        // Drag end (or a keyboard nudge): the whole gesture becomes one undo step.
        const positions = new Map([...(drag.current ?? []), ...dropped]);
        drag.current = null;
        runCommand(designer.commands, 'cluster.move', { positions });
      }
    },
    [store, designer, flowStore],
  );

  // Links are ours, not React Flow's: a click on one selects it the way React Flow selects nodes.
  const chooseLink = useCallback(
    (id: string, additive: boolean) => {
      const sel = store.getState().session.selection;
      select(store, additive ? applySelect(sel, 'gateways', [{ id, selected: !sel.gateways.includes(id) }]) : { clusters: [], gateways: [id] });
    },
    [store],
  );

  // A click on the empty canvas clears the selection: React Flow clears the nodes, this the links.
  const onPaneClick = useCallback(() => {
    const sel = store.getState().session.selection;
    if (sel.gateways.length) select(store, { ...sel, gateways: [] });
  }, [store]);

  // A drop on a handle: React Flow connects it when isValidConnection agrees.
  const onConnect = useCallback((c: Connection) => connectNodes(designer.commands, c.source, c.target), [designer]);

  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      const t = store.getState().design.topology;
      return (
        c.source !== c.target && clusterName(t, c.source) !== undefined && clusterName(t, c.target) !== undefined && !clustersLinked(t, c.source, c.target)
      );
    },
    [store],
  );

  const connectStart = useRef<{ x: number; y: number } | null>(null);
  const onConnectStart = useCallback((e: MouseEvent | TouchEvent) => {
    connectStart.current = clientPoint(e);
  }, []);

  // Every other drop: on a cluster's body it links (or says why not), on blank canvas it makes a cluster there, linked.
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const start = connectStart.current;
      connectStart.current = null;
      if (state.isValid || !state.fromNode) return;
      const from = state.fromNode.id;
      const at = clientPoint(e);
      const p = rf.screenToFlowPosition(at, { snapToGrid: false });
      const target = state.toNode?.id ?? nodeAt(flowStore.getState().nodeLookup, p);
      if (target !== null && target !== from) {
        connectNodes(designer.commands, from, target);
        return;
      }
      // Barely moved off the handle: a slipped click, neither a link to itself nor a new cluster.
      if (start && Math.hypot(at.x - start.x, at.y - start.y) < CLICK_SLOP) return;
      if (target === from) {
        connectNodes(designer.commands, from, target);
        return;
      }
      const under = document.elementFromPoint(at.x, at.y);
      if (!under?.closest('.react-flow__pane') || under.closest('.react-flow__panel')) return;
      runCommand(designer.commands, 'cluster.addLinked', { from, position: { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 } });
    },
    [rf, flowStore, designer],
  );

  // A file dragged over the canvas is imported when dropped.
  const importFile = useImportFile();
  const [fileOver, setFileOver] = useState(false);

  const onDragOver = useCallback((e: DragEvent) => {
    const types = e.dataTransfer.types;
    if (types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    } else if (types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setFileOver(true);
    }
  }, []);

  const onDragLeave = useCallback((e: DragEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as globalThis.Node | null)) setFileOver(false);
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      setFileOver(false);
      const file = e.dataTransfer.files[0];
      if (file) {
        e.preventDefault();
        void importFile(file);
        return;
      }
      const preset = e.dataTransfer.getData(PALETTE_MIME);
      if (!(preset in CLUSTER_PRESETS)) return;
      e.preventDefault();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      runCommand(designer.commands, 'cluster.add', { position: { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 }, preset: preset as ClusterPreset });
    },
    [rf, designer, importFile],
  );

  return (
    <div
      className={`canvas${fileOver ? ' is-file-over' : ''}${compact ? ' is-compact' : ''}${focus ? ' has-focus' : ''}`}
      ref={wrapper}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <ReactFlow<ClusterFlowNode>
        nodes={nodes}
        edges={NO_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={28}
        snapToGrid
        snapGrid={SNAP_GRID}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        colorMode={theme}
        proOptions={PRO_OPTIONS}
        aria-label="Topology canvas"
      >
        <GatewayLayer links={links} implied={impliedShown ? implied.links : NO_IMPLIED} onChoose={chooseLink} focus={focus} />
        <LeafLayer />
        {/* One corner for both, stacked: the top-left stays blank canvas to click on (it clears the selection). */}
        <Panel position="top-right" className="canvas-corner">
          <FindCluster inputRef={findInput} />
          <ImpliedLegend count={implied.count} shown={impliedShown} />
        </Panel>
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
        {nodes.length > 0 && minimapShown && (
          <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" style={MINIMAP_STYLE} />
        )}
        {/* React Flow's fit button pads by a fraction of the view; this one keeps the overlays clear (fitTo). */}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" onClick={() => fitTo(undefined, 250)} title="Fit View" aria-label="Fit View">
            <FitIcon />
          </ControlButton>
          {nodes.length > 0 && (
            <ControlButton
              // The name says what a press does next; no aria-pressed as well (it would say the opposite).
              className={`minimap-toggle${minimapShown ? '' : ' is-off'}`}
              onClick={toggleMinimap}
              title={minimapShown ? 'Hide minimap' : 'Show minimap'}
              aria-label={minimapShown ? 'Hide minimap' : 'Show minimap'}
            >
              <MinimapIcon />
            </ControlButton>
          )}
        </Controls>
      </ReactFlow>
      {/* Hidden while the Templates menu is open: one list of templates at a time. */}
      {topology.clusters.length === 0 && !templatesOpen && <EmptyState />}
      {fileOver && (
        <div className="drop-hint" aria-hidden="true">
          Drop a topology.yaml or .json to open it
        </div>
      )}
    </div>
  );
}

/** A drag of a link that ends within this many pixels of where it started is a click. */
const CLICK_SLOP = 12;

/** Links two clusters given by node id; the command refuses a self-link or a repeat with a notice. */
function connectNodes(ctx: CommandContext, source: string, target: string): void {
  const t = ctx.store.getState().design.topology;
  const a = clusterName(t, source);
  const b = clusterName(t, target);
  if (a !== undefined && b !== undefined) runCommand(ctx, 'gateway.connect', { a, b });
}

function clientPoint(e: MouseEvent | TouchEvent): { x: number; y: number } {
  const p = 'changedTouches' in e ? e.changedTouches[0] : e;
  return { x: p.clientX, y: p.clientY };
}

function applySelect(sel: Selection, key: keyof Selection, changes: { id: string; selected: boolean }[]): Selection {
  const set = new Set(sel[key]);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return { ...sel, [key]: [...set] };
}

/** The flow-space box around these clusters (all when omitted), from the design, before the nodes render. */
function designBounds(
  state: { design: { topology: Topology }; canvas: { measured: ReadonlyMap<string, { width: number; height: number }> } },
  ids?: string[],
): Rect | null {
  const { topology } = state.design;
  const all = clusterIds(topology);
  const wanted = ids ? new Set(ids) : null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  topology.clusters.forEach((c, i) => {
    if (wanted && !wanted.has(all[i])) return;
    const size = state.canvas.measured.get(all[i]);
    x0 = Math.min(x0, c.position.x);
    y0 = Math.min(y0, c.position.y);
    x1 = Math.max(x1, c.position.x + (size?.width ?? NODE_WIDTH));
    y1 = Math.max(y1, c.position.y + (size?.height ?? NODE_HEIGHT));
  });
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** React Flow's fit icon, drawn again: the button is ours (see fitTo). */
function FitIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}

function MinimapIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" aria-hidden="true">
      <path d="M2 5h28v22H2zM5 8v16h22V8zm12 8h8v6h-8z" fillRule="evenodd" />
    </svg>
  );
}
