/**
 * Chromium for the browser journeys (Debian's, never a downloaded one), the built dashboard,
 * and where screenshots go. Without Chromium the journeys are skipped with the reason, except
 * under CI=true, where they fail: a CI run must not pass without having driven a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { repoRoot, webRoot } from './demo-server.js';

export const chromiumPath = process.env.SUPPORTPACT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless run in a container: no sandbox, no GPU, nothing fetched from the network. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const screenshotsDir = join(repoRoot, 'test-results');

/** Why the journeys cannot run here, or undefined when they can. */
export function chromiumMissingReason(): string | undefined {
  return existsSync(chromiumPath) ? undefined : `Chromium not found at ${chromiumPath} (install Debian's chromium package, or set SUPPORTPACT_CHROMIUM)`;
}

/**
 * `describe` for a browser journey: runs when Chromium is there; otherwise skipped with the
 * reason in its name, or, under CI=true, replaced by one failing test that says what is missing.
 */
export function describeJourney(name: string, body: () => void): void {
  const missing = chromiumMissingReason();
  if (missing === undefined) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has Chromium to drive (required when CI=true)', () => {
        throw new Error(`${missing}; browser journeys may only be skipped outside CI.`);
      });
    });
  } else {
    // The reporter shows only "skipped": say why on the console too.
    console.warn(`Browser journey skipped: "${name}": ${missing}. Set CI=true to make this a failure.`);
    describe.skip(`${name} [skipped: ${missing}; runs in CI, issue #7]`, body);
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** The newest modification time of the dashboard's sources (web/ without node_modules). */
function newestSourceMs(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isBuildFresh(): boolean {
  const index = join(webRoot, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSourceMs(join(repoRoot, 'web'));
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Builds `dist/web` (vite build) when it is missing or older than `web/`. Test files run in
 * parallel processes: a lock folder lets one build while the others wait for it.
 */
export async function ensureDashboardBuilt(): Promise<void> {
  if (isBuildFresh()) return;
  const lock = join(repoRoot, 'dist', '.web-build-lock');
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  // 3 minutes: a lock older than any build is left over from a killed run.
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
  for (let waitedMs = 0; ; waitedMs += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waitedMs > 180_000) throw new Error(`another process has held ${lock} for 3 minutes; remove it if no build is running`);
      await sleep(250);
    }
  }
  try {
    if (isBuildFresh()) return;
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(repoRoot, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: 'pipe',
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Saves a full-page screenshot as `test-results/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the sign-in screen, as a person would. */
export async function signIn(page: Page, baseUrl: string, token: string, path = '/'): Promise<void> {
  await page.goto(baseUrl + path);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();
}
