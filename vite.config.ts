import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './client/build/precompress.ts';

// The client lives in client/; the server (server/main.ts) serves client/dist in production.
// `npm run dev` proxies the API and the live socket to a running server on SITROOM_DEV_SERVER.
const backend = process.env.SITROOM_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000,
    // luma.gl (under deck.gl) in one chunk, fetched when the first map mounts: its own dynamic imports (the WebGL
    // device) then resolve inside it and never fetch later, when the server may be restarting. Vite's preload helper,
    // which the entry uses too, stays out of it, or the entry would load the map's code at start.
    rolldownOptions: { output: { codeSplitting: { groups: [
      { name: 'preload', test: /preload-helper/, priority: 2 },
      { name: 'luma', test: /node_modules[\\/]@luma\.gl[\\/]/, priority: 1 },
    ] } } },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/socket.io': { target: backend, ws: true },
    },
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-client.ts'],
    testTimeout: 60_000,
    // browser test files take turns (tests/helpers/browser.ts): a beforeAll may wait for another file's browser
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
