/** Boots the large shapes (3×3 mesh, 4-cluster chain, 5×3 star). */
import { bootSuite, PORT_BANDS } from './harness';
import { SHAPES, shapeTopology } from './shapes';
import { bootCases } from './suite';

bootSuite('local run of large topology shapes', (server) => {
  bootCases(
    SHAPES.filter((s) => s.clusters * s.replicas > 6).map((s) => ({ label: `shape ${s.id}`, topology: () => shapeTopology(s) })),
    PORT_BANDS.shapesLarge,
    server,
  );
});
