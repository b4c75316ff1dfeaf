/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA only ever talks to the gateway with relative URLs; in development the dev server forwards
// them. Under Aspire the gateway's address arrives as services__gateway__http__0.
const gateway =
  process.env.GATEWAY_HTTP ?? process.env.services__gateway__http__0 ?? 'http://127.0.0.1:5100';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT) || 5173,
    strictPort: true,
    proxy: {
      '/api': { target: gateway, changeOrigin: true },
      '/hubs': { target: gateway, changeOrigin: true, ws: true },
    },
  },
  preview: {
    host: '127.0.0.1',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // user-event types key by key through jsdom; on a loaded two-core machine a form test needs more than the
    // default 5 s. Nothing here tests timing.
    testTimeout: 20_000,
  },
});
