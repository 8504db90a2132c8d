import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type Node,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import type { Position } from '../../core';
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

/** Data type of a palette drag. */
export const PALETTE_MIME = 'application/x-nats-cluster';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { cluster: ClusterNode };
// React Flow gets no edges: the links are drawn by GatewayLayer.
const NO_EDGES: Edge[] = [];
const SNAP_GRID: [number, number] = [GRID, GRID];
const FIT_VIEW_OPTIONS = { padding: 0.25, maxZoom: 1 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: false };
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
  const nodes = useMemo(
    () => buildNodes({ topology, selection, drag: drag.current, measured, byCluster }),
    [buildNodes, topology, selection, measured, byCluster],
  );
  // Links depend on the gateways and the names only: an edit of a cluster's settings does not rebuild them.
  const gateways = useDesigner((s) => s.design.topology.gateways);
  const names = useDesigner(useShallow((s) => s.design.topology.clusters.map((c) => c.name)));
  const ids = useDesigner(useShallow((s) => clusterIds(s.design.topology)));
  const links = useMemo(() => buildLinks({ gateways, names, ids, selection, byGateway }), [buildLinks, gateways, names, ids, selection, byGateway]);
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

  // Lend the view to commands (fit view, add at the centre).
  useEffect(() => {
    designer.view.current = {
      fitView(ids) {
        void rf.fitView({ ...FIT_VIEW_OPTIONS, nodes: ids?.map((id) => ({ id })), duration: 250 });
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
          if (hidden) void rf.fitView({ ...FIT_VIEW_OPTIONS, duration: 250 });
        });
      },
    };
    return () => {
      designer.view.current = null;
    };
  }, [designer, rf]);

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
    <div className={`canvas${fileOver ? ' is-file-over' : ''}`} ref={wrapper} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <ReactFlow<ClusterFlowNode>
        nodes={nodes}
        edges={NO_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={onPaneClick}
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
        minZoom={0.2}
        maxZoom={2}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        colorMode={theme}
        proOptions={PRO_OPTIONS}
        aria-label="Topology canvas"
      >
        <GatewayLayer links={links} implied={impliedShown ? implied.links : NO_IMPLIED} onChoose={chooseLink} />
        <LeafLayer />
        <ImpliedLegend count={implied.count} shown={impliedShown} />
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
        {nodes.length > 0 && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" style={MINIMAP_STYLE} />}
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
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
