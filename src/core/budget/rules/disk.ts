/**
 * D1 and D3 (docs/kind-budget.md, "The rules"): the VM disk, which every local-path volume, image and etcd shares.
 *
 * D2 (`max_file_store` unset) is not a rule here: our renderer always writes `max_file_store`, so a server
 * never defaults to 75% of the VM disk.
 */

import type { Problem } from '../../problems';
import { formatBytes } from '../../quantity';
import { ASSUMPTIONS } from '../assumptions';
import { percentOf } from '../usage';
import type { BudgetFacts } from './facts';

/** Share of the VM disk at which D1 warns. */
export const DISK_WARN_PERCENT = 70;

/** kind's default StorageClass: rancher.io/local-path. */
export const KIND_STORAGE_CLASS = 'standard';

/** D1: what the design can write passes 70% of the VM disk ("high" past 100%). */
export function d1Disk(f: BudgetFacts): Problem[] {
  const need = f.jetstream.diskNeededBytes;
  const disk = f.vm.diskBytes;
  if (need * 100 <= disk * DISK_WARN_PERCENT) return [];
  const high = need > disk ? 'High: ' : '';
  const nodes = f.placement.nodes.length;
  return [
    {
      code: 'D1',
      severity: 'warning',
      target: { kind: 'kind', field: 'disk' },
      message: `${high}the design can write ${formatBytes(need)} to the VM disk, ${percentOf(need, disk)}% of ${formatBytes(disk)}: ${formatBytes(f.jetstream.fileStoreBytes)} of JetStream file store, ${formatBytes(nodes * ASSUMPTIONS.imageBytesPerNode)} of images (${formatBytes(ASSUMPTIONS.imageBytesPerNode)} per node), ${formatBytes(ASSUMPTIONS.etcdAndLogsBytes)} of etcd and logs. kind turned disk eviction off, so a full disk breaks etcd and containerd.`,
      fix: 'Shrink `max_file_store`/PVCs or grow the VM disk.',
    },
  ];
}

/** D3: kind's local-path volumes are directories, so claim sizes are bookkeeping; said once. */
export function d3LocalPath(f: BudgetFacts): Problem[] {
  if (!f.topology.jetstream.enabled) return [];
  const onLocalPath = f.kindClusters.filter((c) => c.replicas > 0 && (c.jetstream.storageClass === null || c.jetstream.storageClass === KIND_STORAGE_CLASS));
  if (onLocalPath.length === 0) return [];
  return [
    {
      code: 'D3',
      severity: 'info',
      target: { kind: 'kind', field: 'disk' },
      message: `JetStream volumes use kind's local-path StorageClass (${KIND_STORAGE_CLASS}), which enforces no size: each claim is a directory on the shared VM disk, so max_file_store, not the PVC size, caps what a server writes.`,
      fix: 'Nothing to change for kind; budget the VM disk for max_file_store (see D1).',
    },
  ];
}
