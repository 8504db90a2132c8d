/**
 * Edit to preview: a cluster is selected (the preview shows its nats.conf), and a new replica count is typed into
 * the inspector's Replicas field, 3 → 5 → 3 …, one keystroke over the selected text each time. Timed from the
 * keydown (its event timestamp) to the paint after the preview's editor took the new text (the app's
 * `preview-painted` mark); the editor's text is checked to show the change.
 *
 * Main-thread work is measured in a second run of the same edits under a Chromium trace: the CPU time of the
 * renderer main thread's tasks from the one that dispatched the keydown to the `preview-painted` mark (what delays the
 * frame), and over the 250 ms after the keydown (everything the edit costs, the panels that follow a frame later
 * included).
 */
import type { ElementHandle, Page } from '@playwright/test';
import { BUNDLE_PATHS, type Topology } from '../../src/core';
import { ms, table } from '../report';
import { summarize, type Stats } from '../stats';
import { meshTopology, ringTopology } from '../topologies';
import { target, type Suite } from '../types';
import { openDesigner, previewShows, sleep, withSession, type BrowserSession } from './session';
import { busyMillis, readTrace, TRACE_CATEGORIES } from './trace';

export interface EditRow {
  design: string;
  clusters: number;
  links: number;
  /** Keydown to the paint showing the new text, ms. */
  latency: Stats;
  /** Main-thread CPU time from the keydown's task to that paint, ms (traced run). */
  work: Stats;
  /** Main-thread CPU time in the 250 ms after the keydown, ms (traced run). */
  settled: Stats;
}

export interface EditData {
  rows: EditRow[];
  warmup: number;
}

/** Time after each edit before the next, as a typist pauses; also lets the work after the paint finish. */
const GAP_MS = 250;

/** Types `count` edits; returns each one's keydown time and when the preview painted it (performance.now()). */
async function typeEdits(page: Page, input: ElementHandle, cluster: string, count: number, first: number): Promise<{ t0: number; t1: number }[]> {
  const marker = `nats-${cluster}-4.`;
  const out: { t0: number; t1: number }[] = [];
  for (let i = first; i < first + count; i++) {
    const value = i % 2 === 0 ? '5' : '3';
    await input.evaluate((el) => (el as HTMLInputElement).select());
    await page.keyboard.type(value);
    const t0 = await page.evaluate(() => window.__bench!.lastKey());
    const t1 = await page.evaluate((after) => window.__bench!.previewPaintedAfter(after), t0);
    await sleep(GAP_MS);
    const text = await page.evaluate(() => window.__designer!.previewText() ?? '');
    if (text.includes(marker) !== (value === '5')) throw new Error(`edit ${i}: the preview of ${cluster} does not show ${value} replicas`);
    out.push({ t0, t1 });
  }
  return out;
}

export async function measureDesign(session: BrowserSession, page: Page, t: Topology, edits: number, warmup: number): Promise<Omit<EditRow, 'design'>> {
  // The cluster on the left of the ring: clear of the minimap and the controls.
  const cluster = t.clusters[Math.floor(t.clusters.length / 2)].name;
  await page.getByRole('group', { name: `Cluster ${cluster}`, exact: true }).click();
  await previewShows(page, BUNDLE_PATHS.natsConf(cluster));
  const input = (await page.getByLabel('Replicas', { exact: true }).elementHandle())!;
  await input.click();

  await typeEdits(page, input, cluster, warmup, 0);
  const timed = await typeEdits(page, input, cluster, edits, warmup);

  // The same edits again, traced. Tracing slows the page a little, so these runs give the work, not the latency.
  await session.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await typeEdits(page, input, cluster, edits, warmup + edits);
  const trace = readTrace(await session.browser.stopTracing(), 'preview-painted');
  const keys = trace.events('keydown');
  const painted = trace.marks('preview-painted');
  if (keys.length !== edits) throw new Error(`the trace has ${keys.length} keydowns for ${edits} edits`);
  const work: number[] = [];
  const settled: number[] = [];
  for (const start of keys) {
    const end = painted.find((m) => m > start);
    if (end === undefined) throw new Error('an edit without a preview-painted mark in the trace');
    work.push(busyMillis(trace, { start, end }));
    settled.push(busyMillis(trace, { start, end: start + GAP_MS * 1000 }));
  }
  return {
    clusters: t.clusters.length,
    links: t.gateways.length,
    latency: summarize(timed.map((e) => e.t1 - e.t0)),
    work: summarize(work),
    settled: summarize(settled),
  };
}

export const editSuite: Suite<EditData> = {
  id: 'edit',
  title: 'Browser: edit to preview (production build, Chromium)',
  async run(_core, options) {
    const designs: [string, Topology][] = options.quick
      ? [['ring-10', ringTopology(10)]]
      : [
          ['ring-10', ringTopology(10)],
          ['mesh-10', meshTopology(10)],
          ['ring-50', ringTopology(50)],
          ['mesh-50', meshTopology(50)],
        ];
    const edits = options.quick ? 4 : 30;
    const warmup = options.quick ? 1 : 4;
    const rows: EditRow[] = [];
    await withSession(async (session) => {
      for (const [name, t] of designs) {
        const bp = await session.open({ design: t });
        await openDesigner(bp.page);
        rows.push({ design: name, ...(await measureDesign(session, bp.page, t, edits, warmup)) });
        await bp.done();
      }
    });
    const row = (d: string) => rows.find((r) => r.design === d);
    const ring10 = row('ring-10');
    const ring50 = row('ring-50');
    const mesh50 = row('mesh-50');
    return {
      data: { rows, warmup },
      targets: [
        target({
          id: 'edit.10.work',
          label: 'Edit to preview, main-thread work, 10 clusters (p95)',
          limit: 16,
          unit: 'ms',
          actual: options.quick ? null : (ring10?.work.p95 ?? null),
          note: ring10 ? `ring of 10; keydown to painted preview ${ms(ring10.latency.median)} / ${ms(ring10.latency.p95)} ms (p50 / p95)` : undefined,
        }),
        target({
          id: 'edit.50',
          label: 'Edit to preview, 50 clusters (p95)',
          limit: 50,
          unit: 'ms',
          actual: ring50?.latency.p95 ?? null,
          note: ring50 ? `the target's design: a ring with chords, ${ring50.links} links; p50 ${ms(ring50.latency.median)} ms` : undefined,
        }),
        target({
          id: 'edit.50.mesh',
          label: 'Edit to preview, 50 clusters, full mesh (p95)',
          limit: 50,
          unit: 'ms',
          actual: mesh50?.latency.p95 ?? null,
          note: mesh50 ? `also checked: ${mesh50.links} links; p50 ${ms(mesh50.latency.median)} ms` : undefined,
        }),
      ],
      report: [
        `${edits} edits of one cluster's replicas (3 ↔ 5) typed into the inspector after ${warmup} unmeasured; ms.`,
        'Latency: keydown to the paint after the preview editor took the new text. Work: main-thread CPU time from the keydown to that paint, from a',
        'traced run of the same edits; "250 ms" is all of it in the 250 ms after the keydown (the panels that follow a frame later included).',
        ...table(
          ['design', 'clusters', 'links', 'latency p50', 'p95', 'max', 'work p50', 'p95', '250 ms p50', 'p95'],
          rows.map((r) => [
            r.design,
            r.clusters,
            r.links,
            ms(r.latency.median),
            ms(r.latency.p95),
            ms(r.latency.max),
            ms(r.work.median),
            ms(r.work.p95),
            ms(r.settled.median),
            ms(r.settled.p95),
          ]),
        ),
      ],
    };
  },
};
