import { formatBytes, parseQuantity } from '../../quantity';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { origin } from '../support';

/** Share of the volume the file store may take; the rest is for filesystem metadata and JetStream's own files. */
export const FILE_STORE_SHARE = 0.9;

/**
 * FILE_STORE_EXCEEDS_VOLUME and FILE_STORE_NO_HEADROOM: `max_file_store` is a promise the server makes to streams;
 * the volume is what the disk can keep. A promise above the volume fails writes when the disk fills instead of
 * refusing them up front.
 */
export const fileStoreSize: Rule = {
  id: 'file-store-size',
  description: "Each server's JetStream file store fits its volume with headroom.",
  check({ topology, resolved }) {
    if (!topology.jetstream.enabled) return [];
    const out: Problem[] = [];
    for (const { spec, cluster } of resolved) {
      const store = parseQuantity(cluster.jetstream.fileStore);
      const volume = parseQuantity(cluster.jetstream.volumeSize);
      if (store === null || volume === null || store <= volume * FILE_STORE_SHARE) continue;
      const target = { kind: 'cluster', cluster: cluster.name, field: 'jetstream.fileStore' } as const;
      const sizes =
        `file store of ${cluster.jetstream.fileStore}${origin(spec, 'jetstream.fileStore')} on a volume of ` +
        `${cluster.jetstream.volumeSize}${origin(spec, 'jetstream.volumeSize')}`;
      if (store > volume) {
        out.push({
          code: 'FILE_STORE_EXCEEDS_VOLUME',
          severity: 'error',
          target,
          message: `cluster ${cluster.name} has a ${sizes}: JetStream accepts ${formatBytes(store - volume)} more than the disk holds, and writes fail once the volume is full`,
          fix: `Lower jetstream.fileStore to at most ${formatBytes(Math.floor(volume * FILE_STORE_SHARE))}, or raise jetstream.volumeSize to at least ${formatBytes(Math.ceil(store / FILE_STORE_SHARE))}.`,
        });
      } else {
        out.push({
          code: 'FILE_STORE_NO_HEADROOM',
          severity: 'warning',
          target,
          message: `cluster ${cluster.name} has a ${sizes} (${Math.round((store / volume) * 100)}%): no headroom for filesystem overhead, so the disk may fill before JetStream's limit is reached`,
          fix: `Keep the file store at most ${Math.round(FILE_STORE_SHARE * 100)}% of the volume: lower jetstream.fileStore to ${formatBytes(Math.floor(volume * FILE_STORE_SHARE))} or raise jetstream.volumeSize to ${formatBytes(Math.ceil(store / FILE_STORE_SHARE))}.`,
        });
      }
    }
    return out;
  },
};
