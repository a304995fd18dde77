import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The generated hooks live in the repository's generated/client/, outside this app: dedupe makes
// their imports (React, TanStack Query, graphql) resolve to this app's node_modules, and fs.allow
// lets the dev server read them. The hooks' runtime comes from its sources in packages/client.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    dedupe: ['react', 'react-dom', '@tanstack/react-query', 'graphql'],
    alias: { '@clopos-graphql/client': fileURLToPath(new URL('../../packages/client/src/index.ts', import.meta.url)) },
  },
  server: {
    port: Number(process.env.ORDER_BOARD_PORT ?? 5173),
    strictPort: true,
    fs: { allow: [repoRoot] },
    // Same origin in the browser: no CORS, and the gateway's CSRF rules see a plain JSON POST.
    proxy: { '/graphql': { target: process.env.GATEWAY_URL ?? 'http://localhost:4000', changeOrigin: true } },
  },
});
