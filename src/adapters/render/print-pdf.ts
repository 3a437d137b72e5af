/**
 * Prints a self-contained HTML page (an invoice, a statement) to PDF in Debian's Chromium,
 * driven by playwright-core. Never downloads a browser: the executable is
 * `SUPPORTPACT_CHROMIUM` or `/usr/bin/chromium`, and when it is missing the error says how to
 * install it. Each call launches a browser with a temporary profile and closes it.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { SupportPactError } from '../../domain/errors/index.js';

export const defaultChromiumPath = '/usr/bin/chromium';

/** Flags for a headless print on a locked-down machine: no GPU, no sandbox (containers), no network chatter. */
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type PaperSize = 'A4' | 'Letter';

export interface PrintPdfOptions {
  readonly paper?: PaperSize;
  /** Wide pages (a statement's many columns). */
  readonly landscape?: boolean;
  /** Default: `SUPPORTPACT_CHROMIUM`, else `/usr/bin/chromium`. */
  readonly executablePath?: string;
  /** Milliseconds for launching and printing; default 60,000 (a cold start on a busy 2-core machine takes seconds). */
  readonly timeoutMs?: number;
}

function browserUnavailable(executablePath: string, why: string, cause?: unknown): SupportPactError {
  const message = `PDF output needs Chromium, and ${why}. Install it with \`apt-get install -y chromium\` (Debian, Ubuntu), or set SUPPORTPACT_CHROMIUM to the path of a Chromium or Chrome executable; --format html gives the same page to print from any browser.`;
  return new SupportPactError('BROWSER_UNAVAILABLE', message, { problems: [{ message: why, hint: 'apt-get install -y chromium, or set SUPPORTPACT_CHROMIUM' }], details: { executablePath }, ...(cause !== undefined ? { cause } : {}) });
}

/**
 * `await printPdf(renderInvoiceHtml(invoice, contract))` is the PDF's bytes (they start with
 * `%PDF-`): A4 by default, backgrounds printed, the page's own `@page` margins honoured.
 * Throws BROWSER_UNAVAILABLE, saying how to install Chromium, when it is missing or will not start.
 */
export async function printPdf(html: string, options: PrintPdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? process.env.SUPPORTPACT_CHROMIUM ?? defaultChromiumPath;
  if (!existsSync(executablePath)) throw browserUnavailable(executablePath, `there is no Chromium at ${executablePath}`);
  const timeout = options.timeoutMs ?? 60_000;
  let browser;
  try {
    // Never --user-data-dir: playwright refuses it in launch(); the default temporary profile is thrown away on close.
    browser = await chromium.launch({ executablePath, args: chromiumArgs, timeout });
  } catch (error) {
    throw browserUnavailable(executablePath, `Chromium at ${executablePath} did not start (${(error as Error).message.split('\n')[0]})`, error);
  }
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    // The page is self-contained (no external resources): 'load' means everything is laid out.
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: options.paper ?? 'A4', landscape: options.landscape ?? false, printBackground: true, preferCSSPageSize: false });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close();
  }
}
