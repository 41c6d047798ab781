import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/web, which the API serves at / (apps/api/src/web). Vite 8 compiles TSX with Oxc,
// so no React plugin is needed for a production build (there is no dev server with Fast Refresh).
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
  // Always React's production build: a build started under NODE_ENV=test (jest) or development
  // would otherwise ship React's development build, twice the size and with StrictMode's double effects.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The CSP allows no data: scripts or fonts: every asset is a file of its own.
    assetsInlineLimit: 0,
    sourcemap: false,
    manifest: 'manifest.json',
    reportCompressedSize: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
