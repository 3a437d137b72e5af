#!/usr/bin/env node
// `npm start`: build when the sources are newer than the build (or it is missing), then serve the
// API and the dashboard on the embedded database, loading the demo into an empty one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const builtCli = join(root, 'dist', 'src', 'adapters', 'cli', 'main.js');
const builtWeb = join(root, 'dist', 'web', 'index.html');
const stale =
  !existsSync(builtCli) ||
  !existsSync(builtWeb) ||
  statSync(builtCli).mtimeMs < newest(join(root, 'src')) ||
  statSync(builtWeb).mtimeMs < newest(join(root, 'web'));
if (stale) {
  console.log('building SupportPact (first start, or the sources changed)...');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const args = [join(root, 'bin', 'supportpact.js'), 'serve', '--demo', ...process.argv.slice(2)];
const server = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(server.status ?? 0);
