/** The bundle renderer, loaded as a chunk of its own once the canvas is interactive (shell/designer.ts). Imported from
 * its module, not the core's index: through the index the bundler would move the whole core into a shared chunk. */
export { createBundleRenderer } from '../../core/bundle/incremental';
