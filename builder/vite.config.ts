import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs as its own process; proxying /v1 keeps the app's fetch paths
// identical to production, where the API serves the built files from the same origin.
const apiUrl = process.env.VITE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  base: './',
  server: { host: '127.0.0.1', proxy: { '/v1': apiUrl } },
  preview: { host: '127.0.0.1', proxy: { '/v1': apiUrl } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
