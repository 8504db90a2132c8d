/** The bundle download: zipping the rendered files of a 50-cluster full mesh. */
import { bundleBytes } from './core';
import { bytes, spread, table } from './report';
import { measure, type Timing } from './stats';
import { meshTopology } from './topologies';
import type { Suite } from './types';

export interface ZipData {
  clusters: number;
  files: number;
  inputBytes: number;
  zipBytes: number;
  /** zipBundle alone; the files are rendered before timing. */
  zip: Timing;
}

export const zipSuite: Suite<ZipData> = {
  id: 'zip',
  title: 'Bundle zip',
  run(core, options) {
    const clusters = options.quick ? 10 : 50;
    const t = meshTopology(clusters);
    const files = core.renderBundle(t);
    const zip = core.zipBundle(files, t.name);
    const timing = measure(() => core.zipBundle(files, t.name), options.quick ? { warmup: 1, runs: 2 } : { warmup: 3, runs: 30 });
    const inputBytes = bundleBytes(files);
    return {
      data: { clusters, files: files.length, inputBytes, zipBytes: zip.length, zip: timing },
      targets: [],
      report: table(
        ['clusters', 'files', 'input', 'zip', 'zipBundle ms (median / p95 / min)', 'runs'],
        [[clusters, files.length, bytes(inputBytes), bytes(zip.length), spread(timing.wall), timing.wall.runs]],
      ),
    };
  },
};
