/** Commands that bring a design in or take it out: import, export, the bundle and share-link dialogs. */
import { checkText, serializeTopology, type Topology } from '../../core';
import { hasWork } from '../edits/designs';
import { placeStacked } from '../edits/layout';
import { replace } from '../store/design';
import { BRING_BACK, family } from './command';

export const FILE_COMMANDS = family({
  'topology.import': {
    label: 'Import a topology',
    group: 'Files',
    // `source` names where the text came from ("topology.yaml", "the pasted text") for the messages.
    run({ state }, { text, source }: { text: string; source: string }) {
      // Every error is listed, the parser's and the lint's, with its line; a text that parses is imported all the same
      // (its lint errors are the designer's to fix), one that does not changes nothing.
      const { topology, errors } = checkText(text);
      if (!topology) return { session: { importFailure: { source, errors, imported: false } } };
      const hadDesign = hasWork(state.design.topology);
      return {
        // A file without positions stacks every cluster at 0,0: lay those out.
        design: replace(placeStacked(topology)),
        session: {
          importFailure: errors.length > 0 ? { source, errors, imported: true } : null,
          notice: { text: `Imported ${source}.`, tone: 'info', action: hadDesign ? BRING_BACK : undefined },
        },
        fit: 'all',
      };
    },
  },
  'topology.export': {
    label: 'Export topology',
    group: 'Files',
    run: ({ state }) => ({ save: { data: serializeTopology(state.design.topology), filename: 'topology.yaml', mime: 'application/yaml' } }),
  },
  'bundle.download': {
    label: 'Download bundle',
    group: 'Files',
    run: () => ({ session: { dialog: 'download' } }),
  },
  'baseline.remember': {
    label: 'Remember the downloaded design',
    group: 'Files',
    // `file`: the previous bundle it was read from; null for a bundle just downloaded.
    run: (_, { topology, file }: { topology: Topology; file: string | null }) => ({ session: { baseline: { topology, file } } }),
  },
  'baseline.forget': {
    label: 'Forget the downloaded design',
    group: 'Files',
    enabled: (s) => s.session.baseline !== null,
    run: () => ({ session: { baseline: null } }),
  },
  'share.link': {
    label: 'Share link',
    group: 'Files',
    run: () => ({ session: { dialog: 'share' } }),
  },
});
