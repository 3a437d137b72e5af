import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issueInvoice } from '../../domain/settlement/index.js';
import { example } from '../../domain/settlement/test-support/fixtures.js';
import { northstarMarchInvoice } from '../../domain/settlement/test-support/northstar.js';
import { renderInvoiceHtml } from './invoice-html.js';
import { defaultChromiumPath, printPdf } from './print-pdf.js';

const chromiumPath = process.env.SUPPORTPACT_CHROMIUM ?? defaultChromiumPath;
const haveChromium = existsSync(chromiumPath);
// On CI a missing Chromium must fail the print test, not skip it; on a workstation it is skipped, said so.
const runPrint = haveChromium || process.env.CI === 'true';
if (!runPrint) console.warn(`Skipping the PDF print test: no Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium\` or set SUPPORTPACT_CHROMIUM.`);

/** The PDF's bytes as Latin-1 text: enough to find its header and its uncompressed document information. */
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('printPdf', () => {
  it.runIf(runPrint)("prints an invoice page to a PDF titled with the invoice's number", async () => {
    const invoice = { ...issueInvoice(northstarMarchInvoice()), id: 'NS-2027-0003' };
    const pdf = await printPdf(renderInvoiceHtml(invoice, example('northstar-tiered')), { executablePath: chromiumPath });
    const text = latin1(pdf);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    // The page text is compressed; the document information carries the page's <title>.
    expect(text).toContain('/Title (Invoice NS-2027-0003)');
    // A4: 595.92 x 842.88 points.
    expect(text).toMatch(/\/MediaBox \[0 0 595\.9\d* 842\.8\d*\]/);
    // Two or three pages of text, tables and a fingerprint: tens of kilobytes, not an empty page.
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 120_000);

  it.runIf(runPrint)('prints US Letter when asked', async () => {
    const pdf = await printPdf('<!doctype html><title>Letter</title><p>Hello', { executablePath: chromiumPath, paper: 'Letter' });
    expect(latin1(pdf)).toMatch(/\/MediaBox \[0 0 612 792\]/);
  }, 120_000);

  it('says how to install Chromium when there is none at the given path', async () => {
    const attempt = printPdf('<p>x', { executablePath: '/nonexistent/chromium' });
    await expect(attempt).rejects.toMatchObject({ code: 'BROWSER_UNAVAILABLE', details: { executablePath: '/nonexistent/chromium' } });
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain('there is no Chromium at /nonexistent/chromium');
    expect(message).toContain('apt-get install -y chromium');
    expect(message).toContain('SUPPORTPACT_CHROMIUM');
  });

  it('reports a Chromium that will not start as unavailable, not as a crash', async () => {
    // /bin/true exists and exits at once: playwright cannot connect to it.
    const attempt = printPdf('<p>x', { executablePath: '/bin/true', timeoutMs: 20_000 });
    await expect(attempt).rejects.toMatchObject({ code: 'BROWSER_UNAVAILABLE', message: expect.stringContaining('Chromium at /bin/true did not start') });
  }, 60_000);
});
