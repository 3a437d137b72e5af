import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** Writes `bench/results/<name>.json` with the figures and the machine they came from. */
export function writeBenchResults(name: string, figures: Record<string, unknown>): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  const body = {
    benchmark: name,
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', platform: process.platform },
    ...figures,
  };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
  return file;
}

/** Runs `fn` for at least `minMs` and returns operations per second of `opsPerCall` each. */
export function measureOpsPerSecond(fn: () => void, opsPerCall: number, minMs = 1000): number {
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0n;
  while (elapsedNs < BigInt(minMs) * 1_000_000n) {
    fn();
    calls++;
    elapsedNs = process.hrtime.bigint() - start;
  }
  return (calls * opsPerCall) / (Number(elapsedNs) / 1e9);
}

/** Prints a side-by-side table: one row per subject, one column per figure. */
export function printTable(title: string, rows: Record<string, Record<string, string | number>>): void {
  const columns = [...new Set(Object.values(rows).flatMap((r) => Object.keys(r)))];
  const format = (v: string | number | undefined): string =>
    v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 })) : v;
  const header = ['', ...columns];
  const body = Object.entries(rows).map(([name, r]) => [name, ...columns.map((c) => format(r[c]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  for (const row of body) console.log(line(row));
}
