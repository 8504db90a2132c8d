import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The designer: a static app. Monaco is split into its own chunk by the lazy import in
 * src/ui/preview/PreviewPanel.tsx; nothing is ever loaded from a CDN.
 */
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The Monaco chunk is big by nature and loads lazily; warn only past it.
    chunkSizeWarningLimit: 3500,
    rolldownOptions: {
      // The core is pure (no module does anything when imported), so what the designer does not use of its index is
      // left out, and what only a lazy chunk uses goes there (the bundle renderer, ui/derive/bundle-renderer.ts).
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/src/core/') },
      output: {
        // The lazily imported code view carries Monaco: name its chunk so the split is plain to see.
        chunkFileNames: (chunk) => (chunk.name === 'CodeView' ? 'assets/monaco-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
