import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** This folder, whatever the working directory (`npm run build:web` runs from the repository root). */
const webFolder = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * The dashboard: built into `dist/web/`, which the server serves at `/` (and answers deep
 * links such as `/contracts/x/tickets/T-1` with its index.html). In development,
 * `npx vite --config web/vite.config.ts` serves the sources and proxies `/api` and `/docs` to
 * a running `supportpact serve` on its default port, 4477.
 */
export default defineConfig({
  root: webFolder,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${webFolder}../dist/web`,
    emptyOutDir: true,
    // ECharts is its own chunk (about 210 kB gzipped), fetched in the background after the first screen.
    chunkSizeWarningLimit: 700,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:4477', '/docs': 'http://127.0.0.1:4477' },
  },
});
