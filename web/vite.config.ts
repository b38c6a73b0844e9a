import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The dashboard: root web/, built into web/dist (the Express server serves it on the API's port).
 * `npm run dev` proxies /api to the server (API_TARGET, default http://localhost:8080).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // Every text asset is also written brotli- and gzip-compressed (app.js.br, app.js.gz): the server sends the one
  // the browser accepts without compressing on each request.
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // Plot, D3 and Arrow are most of the bundle (~160 kB gzip); one chunk loads fastest over HTTP/1.1.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': { target: process.env.API_TARGET ?? 'http://localhost:8080', changeOrigin: true } },
  },
  preview: {
    proxy: { '/api': { target: process.env.API_TARGET ?? 'http://localhost:8080', changeOrigin: true } },
  },
});
