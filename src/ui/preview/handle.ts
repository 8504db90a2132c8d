/**
 * What the code view currently shows, for tests and tools (`window.__designer.previewText()`): the editor's
 * own text, not the store's, so a check proves what a user sees.
 */
export const previewHandle: { path: string | null; text: (() => string) | null } = { path: null, text: null };
