import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The server (server/startDemoServer.ts) serves this build and embeds the per-request config.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/client', emptyOutDir: true },
})
