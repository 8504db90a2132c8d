/** What one designer's editors show, filled in by the editors while they are mounted. */
export interface EditorHandles {
  /**
   * The bundle's code view: the path it shows and its own text (for tests and tools, `window.__designer.previewText()`),
   * not the store's, so a check proves what a user sees.
   */
  preview: { path: string | null; text: (() => string) | null; find: (() => void) | null };
  /**
   * The Topology tab's editor: its own text (for tests, `window.__designer.topologyText()`), and a way for the error
   * list beside it to move the cursor to an error.
   *
   * Both lend `find`: Monaco's find widget, opened by Ctrl/⌘+F anywhere in the preview, not only in the editor.
   */
  topology: { text: (() => string) | null; reveal: ((line: number, column: number) => void) | null; find: (() => void) | null };
}

export function createEditorHandles(): EditorHandles {
  return { preview: { path: null, text: null, find: null }, topology: { text: null, reveal: null, find: null } };
}
