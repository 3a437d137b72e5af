/**
 * `npm run bench` runs every benchmark; `npm run bench -- calendar sla` runs the named ones.
 * Each benchmark lives in `bench/<name>.bench.ts`, prints its figures side by side with a
 * baseline measured in the same run, and writes `bench/results/<name>.json`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : available;
let failed = false;
for (const name of names) {
  console.log(`\n=== bench: ${name} ===`);
  const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as { run: () => Promise<{ pass?: boolean } | void> };
  const result = await mod.run();
  if (result && result.pass === false) failed = true;
}
if (failed) {
  console.log('\nOne or more benchmarks missed their target (see above).');
  process.exitCode = 1;
}
