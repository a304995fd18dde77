import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The gateway on the same origin (no CORS): /graphql goes to it in `vite` and `vite preview`.
const proxy = { '/graphql': { target: process.env.GATEWAY_URL ?? 'http://localhost:4000', changeOrigin: true } }

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
})
