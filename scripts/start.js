#!/usr/bin/env node
// `npm start`: until the server lands, print the CLI's help and the tour.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
spawnSync(process.execPath, [join(root, 'bin', 'supportpact.js'), '--help'], { stdio: 'inherit' });
console.log(`
Tour (see README.md):
  npx supportpact check examples/contracts/draft-with-gaps.contract.yaml
  npx supportpact render examples/contracts/northstar-tiered.contract.yaml --out northstar.html
  npx supportpact explain --contract examples/contracts/northstar-tiered.contract.yaml --events examples/t-1001.events.jsonl --ticket T-1001 --as-of 2027-03-31
`);
