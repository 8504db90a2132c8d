/**
 * What the code view currently shows, for tests and tools (`window.__designer.previewText()`): the editor's
 * own text, not the store's, so a check proves what a user sees.
 */
export const previewHandle: { path: string | null; text: (() => string) | null } = { path: null, text: null };

/**
 * The Topology tab's editor, once mounted: its own text (for tests, `window.__designer.topologyText()`), and a way
 * for the error list beside it to move the cursor to an error.
 */
export const topologyHandle: { text: (() => string) | null; reveal: ((line: number, column: number) => void) | null } = { text: null, reveal: null };
