import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The client lives in client/; `vite build` writes dist/client, which the server serves (npm start).
// In development (`npm run dev:client`) Vite proxies /api to the server on PORT (default 8080).
export default defineConfig({
  root: 'client',
  plugins: [react()],
  // Pure domain rules (risk levels, dispute types) are shared with the server: one copy of each rule.
  resolve: { alias: { '@domain': fileURLToPath(new URL('./server/src/domain', import.meta.url)) } },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 8080}` },
  },
});
