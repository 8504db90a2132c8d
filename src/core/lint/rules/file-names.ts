import { isWindowsReserved } from '../../bundle/files';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { q } from '../support';

/**
 * FILE_NAME_RESERVED and FILE_NAME_CASE_COLLISION: the topology name names the bundle's folder and zip, and each
 * cluster name two files in it. Windows can hold no file named like a device (`con`, `nul`, `com1` in any case and
 * with any extension), and macOS's and Windows' file systems take names that differ only in case for one file.
 */
export const fileNames: Rule = {
  id: 'file-names',
  description: 'The topology and cluster names are no Windows device names, and no two cluster names differ only in case.',
  check({ topology }) {
    const out: Problem[] = [];
    const reserved = (name: string, files: string) =>
      `${q(name)} is a device name on Windows (CON, PRN, AUX, NUL, COM0–9 and LPT0–9, in any case, with any extension): ${files} cannot be created or unzipped there`;
    if (isWindowsReserved(topology.name)) {
      out.push({
        code: 'FILE_NAME_RESERVED',
        severity: 'error',
        target: { kind: 'topology', field: 'name' },
        message: `topology name ${reserved(topology.name, `the bundle's folder and ${topology.name}.zip`)}`,
        fix: `Rename the topology, e.g. ${q(`${topology.name}-nats`)}.`,
      });
    }
    const byLowerCase = new Map<string, string>();
    for (const name of new Set(topology.clusters.map((c) => c.name))) {
      if (isWindowsReserved(name)) {
        out.push({
          code: 'FILE_NAME_RESERVED',
          severity: 'error',
          target: { kind: 'cluster', cluster: name, field: 'name' },
          message: `cluster name ${reserved(name, `clusters/${name}.yaml and nats-conf/${name}.conf`)}`,
          fix: `Rename the cluster, e.g. ${q(`${name}-1`)}.`,
        });
      }
      const first = byLowerCase.get(name.toLowerCase());
      if (first === undefined) byLowerCase.set(name.toLowerCase(), name);
      else {
        out.push({
          code: 'FILE_NAME_CASE_COLLISION',
          severity: 'error',
          target: { kind: 'cluster', cluster: name, field: 'name' },
          message: `clusters ${q(first)} and ${q(name)} differ only in case: on macOS and Windows their files would be one file`,
          fix: 'Rename one of them.',
        });
      }
    }
    return out;
  },
};
