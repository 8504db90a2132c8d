/** Boots the small shapes (1×1, 1×3, 2×1, 2×3); the large ones run in parallel in shapes-large.test.ts. */
import { bootSuite, PORT_BANDS } from './harness';
import { SHAPES, shapeTopology } from './shapes';
import { bootCases } from './suite';

bootSuite('local run of small topology shapes', (server) => {
  bootCases(
    SHAPES.filter((s) => s.clusters * s.replicas <= 6).map((s) => ({ label: `shape ${s.id}`, topology: () => shapeTopology(s) })),
    PORT_BANDS.shapesSmall,
    server,
  );
});
