#!/usr/bin/env node
// Runs the compiled CLI when the build is current; otherwise runs the TypeScript source
// through tsx, so a fresh clone works before (and without) `npm run build`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'src', 'adapters', 'cli', 'main.js');
const source = join(root, 'src', 'adapters', 'cli', 'main.ts');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const hasSource = existsSync(source);
const useCompiled = existsSync(compiled) && (!hasSource || statSync(compiled).mtimeMs >= newestMtime(join(root, 'src')));
if (useCompiled) {
  await import(pathToFileURL(compiled).href);
} else if (hasSource) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  console.error('supportpact: neither dist/ nor src/ found; reinstall the package');
  process.exit(70);
}
