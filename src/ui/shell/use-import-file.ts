import { useCallback } from 'react';
import { useDesignerContext } from './context';
import { IMPORT_MAX_BYTES } from '../io/import';
import { setImportFailure } from '../store/store';
import { useRunCommand } from './use-command';

/** Reads a chosen or dropped file and imports it; a file too big to be a topology is refused unread. */
export function useImportFile(): (file: File) => Promise<void> {
  const { store } = useDesignerContext();
  const run = useRunCommand();
  return useCallback(
    async (file: File) => {
      if (file.size > IMPORT_MAX_BYTES) {
        const message = `the file is ${file.size} bytes; a topology is at most ${IMPORT_MAX_BYTES}`;
        setImportFailure(store, { source: file.name, errors: [{ path: '(file)', message }] });
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        setImportFailure(store, { source: file.name, errors: [{ path: '(file)', message: 'the browser could not read the file' }] });
        return;
      }
      run('topology.import', { text, source: file.name });
    },
    [store, run],
  );
}
