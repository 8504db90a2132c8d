/**
 * The core's render times: a full render (every file of the bundle, the lint and the budget) of fully meshed
 * designs, the three parts alone, and an edit of one cluster with the incremental renderer's cache warm.
 */
import type { Topology } from '../src/core';
import { bytes, ms, spread, table } from './report';
import { measure, type MeasureOptions, type Timing } from './stats';
import { meshTopology } from './topologies';
import { target, type BenchOptions, type Core, type Suite } from './types';

export interface FullRenderRow {
  clusters: number;
  servers: number;
  links: number;
  files: number;
  /** UTF-8 bytes of every file of the bundle. */
  outputBytes: number;
  /** renderBundle + lint + budget: what the designer computes for one topology. */
  full: Timing;
  bundle: Timing;
  lint: Timing;
  budget: Timing;
}

export interface IncrementalRow {
  clusters: number;
  /** Each run changes one cluster's replicas (3 ↔ 5), a different cluster each time. */
  edit: string;
  /** Warm renderer's render + lint + budget: when the previews' inputs are ready. */
  incremental: Timing;
  /** The warm renderer's render alone. */
  renderer: Timing;
  /**
   * What the designer renders within the frame of an edit: the warm renderer's plan and the edited cluster's
   * `nats.conf` from it (the rest of the bundle follows a frame later, untimed here).
   */
  preview: Timing;
  /** renderBundle + lint + budget of the same edits, for comparison. */
  full: Timing;
  /** Clusters the renderer rendered and reused in the last edit. */
  rendered: number;
  reused: number;
  /** The renderer's files, and the preview's conf, equal renderBundle's for the last edit. */
  matchesRenderBundle: boolean;
}

export interface CoreData {
  fullRender: FullRenderRow[];
  incremental: IncrementalRow[];
}

/** Many runs where a run is short, fewer where it is long; quick mode only proves the code runs. */
function runsFor(clusters: number, options: BenchOptions): MeasureOptions {
  if (options.quick) return { warmup: 1, runs: 3 };
  if (clusters <= 10) return { warmup: 50, runs: 300 };
  if (clusters <= 50) return { warmup: 20, runs: 200 };
  return { warmup: 5, runs: 40 };
}

const utf8 = new TextEncoder();

/** UTF-8 bytes of every file's content. */
export function bundleBytes(files: { content: string }[]): number {
  return files.reduce((sum, f) => sum + utf8.encode(f.content).length, 0);
}

export function fullRender(core: Core, clusters: number, options: BenchOptions): FullRenderRow {
  const t = meshTopology(clusters);
  const runs = runsFor(clusters, options);
  const files = core.renderBundle(t);
  // Every run gets a new topology object sharing its parts, as an edit in the designer makes: the core computes some
  // facts once per topology object (a render, its lint and its budget share them), and a run on a topology seen before
  // would find them ready and time less work. A shallow copy costs well under a microsecond.
  const fresh = (): Topology => ({ ...t });
  return {
    clusters,
    servers: clusters * t.defaults.replicas,
    links: t.gateways.length,
    files: files.length,
    outputBytes: bundleBytes(files),
    full: measure(() => {
      const run = fresh();
      core.renderBundle(run);
      core.lint(run);
      core.budget(run);
    }, runs),
    bundle: measure(() => core.renderBundle(fresh()), runs),
    lint: measure(() => core.lint(fresh()), runs),
    budget: measure(() => core.budget(fresh()), runs),
  };
}

/** `count + 1` topologies, each the one before with one cluster's replicas changed (3 ↔ 5), cycling through clusters. */
export function replicaEdits(start: Topology, count: number): Topology[] {
  const out = [start];
  for (let i = 0; i < count; i++) {
    const prev = out[i];
    const at = editedAt(i, prev.clusters.length);
    out.push({
      ...prev,
      clusters: prev.clusters.map((c, k) => (k === at ? { ...c, replicas: (c.replicas ?? prev.defaults.replicas) === 5 ? 3 : 5 } : c)),
    });
  }
  return out;
}

/** The index of the cluster that edit `i` of {@link replicaEdits} changes. */
function editedAt(i: number, clusters: number): number {
  // A stride coprime with the cluster count visits every cluster before repeating one.
  return (i * 7) % clusters;
}

export function incremental(core: Core, clusters: number, options: BenchOptions): IncrementalRow {
  const runs = runsFor(clusters, options);
  // Each measurement edits topologies of its own: the core computes some facts once per topology object.
  const newEdits = () => replicaEdits(meshTopology(clusters), runs.warmup + runs.runs);
  const edits = newEdits();
  const warmRenderer = (first: Topology) => {
    const r = core.createBundleRenderer();
    r.render(first);
    return r;
  };
  const renderer = warmRenderer(edits[0]);
  const withLint = measure((i) => {
    const t = edits[i + 1];
    renderer.render(t);
    core.lint(t);
    core.budget(t);
  }, runs);
  const { rendered, reused } = renderer.stats();
  const last = edits[edits.length - 1];
  const expected = core.renderBundle(last);
  const aloneEdits = newEdits();
  const alone = warmRenderer(aloneEdits[0]);
  const fullEdits = newEdits();
  const previewEdits = newEdits();
  const previewed = warmRenderer(previewEdits[0]);
  const editedConf = (i: number) => core.BUNDLE_PATHS.natsConf(previewEdits[i + 1].clusters[editedAt(i, clusters)].name);
  const preview = measure(
    (i) => previewed.plan(previewEdits[i + 1]).content(editedConf(i)),
    runs,
    // The designer's full render of the edit before, a frame after it: the cache as the next edit finds it.
    (i) => previewed.render(previewEdits[i]),
  );
  const lastConf = editedConf(runs.warmup + runs.runs - 1);
  const matches =
    JSON.stringify(renderer.render(last)) === JSON.stringify(expected) &&
    previewed.plan(last).content(lastConf) === expected.find((f) => f.path === lastConf)?.content;
  return {
    clusters,
    edit: "one cluster's replicas 3 ↔ 5",
    incremental: withLint,
    renderer: measure((i) => alone.render(aloneEdits[i + 1]), runs),
    preview,
    full: measure((i) => {
      const t = fullEdits[i + 1];
      core.renderBundle(t);
      core.lint(t);
      core.budget(t);
    }, runs),
    rendered,
    reused,
    matchesRenderBundle: matches,
  };
}

export const coreSuite: Suite<CoreData> = {
  id: 'core',
  title: 'Core render (full gateway mesh, 3 servers a cluster)',
  run(core, options) {
    const sizes = options.quick ? [2, 10] : [2, 10, 50, 200];
    const fullRows = sizes.map((n) => fullRender(core, n, options));
    const incrementalRows = (options.quick ? [10] : [50, 200]).map((n) => incremental(core, n, options));
    const medianAt = (n: number) => fullRows.find((r) => r.clusters === n)?.full.wall.median ?? null;
    const inc50 = incrementalRows.find((r) => r.clusters === 50);
    return {
      data: { fullRender: fullRows, incremental: incrementalRows },
      targets: [
        target({ id: 'core.full.50', label: 'Full core render, 50 clusters (median)', limit: 10, unit: 'ms', actual: medianAt(50) }),
        target({ id: 'core.full.200', label: 'Full core render, 200 clusters (median)', limit: 100, unit: 'ms', actual: medianAt(200) }),
      ],
      report: [
        "Full render = renderBundle + lint + budget, wall-clock ms as median / p95 / min; cpu = this process's CPU time (median).",
        ...table(
          ['clusters', 'links', 'files', 'output', 'full render', 'cpu', 'renderBundle', 'lint', 'budget', 'runs'],
          fullRows.map((r) => [
            r.clusters,
            r.links,
            r.files,
            bytes(r.outputBytes),
            spread(r.full.wall),
            ms(r.full.cpu.median),
            spread(r.bundle.wall),
            spread(r.lint.wall),
            spread(r.budget.wall),
            r.full.wall.runs,
          ]),
        ),
        '',
        "Incremental: an edit of one cluster's replicas with the renderer's cache warm, until files + lint + budget are ready.",
        "Preview's file: the renderer's plan and the edited cluster's nats.conf, what the designer renders within the edit's frame.",
        ...table(
          ['clusters', 'incremental', 'cpu', 'renderer alone', "preview's file", 'full render, same edits', 'rendered / reused', 'same bytes'],
          incrementalRows.map((r) => [
            r.clusters,
            spread(r.incremental.wall),
            ms(r.incremental.cpu.median),
            spread(r.renderer.wall),
            spread(r.preview.wall),
            spread(r.full.wall),
            `${r.rendered} / ${r.reused}`,
            r.matchesRenderBundle ? 'yes' : 'NO',
          ]),
        ),
        ...(inc50
          ? [`At 50 clusters an edit is ready ${(inc50.full.wall.median / inc50.incremental.wall.median).toFixed(1)}× sooner than a full render.`]
          : []),
      ],
    };
  },
};
