import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeJourney, ensureDashboardBuilt, launchChromium, saveScreenshot, signIn } from './support/browser.js';
import { northstarId, startDemoServer, type DemoServer } from './support/demo-server.js';

/** `"24720.50"` as `"24,720.50"`, on the text (amounts never become floats). */
function groupThousands(amount: string): string {
  const [whole = '', cents = ''] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents ? `.${cents}` : ''}`;
}

interface InvoiceJson {
  id: string;
  totals: { total: string };
  lines: { kind: string; amount: string; evidence: { kind: string; ids: string[] } }[];
}

describeJourney('journey: issue an invoice and download its PDF', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function api(method: 'GET' | 'POST', path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await server.app.inject({ method, url: `/api/v1${path}`, headers: { authorization: `Bearer ${server.tokens.admin}` } });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  }

  it("opens April's draft with the credit carried from March and the tickets behind it", async () => {
    await signIn(page, server.baseUrl, server.tokens.admin);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
    await page.getByText('No invoice has been issued yet').waitFor();
    await page.getByLabel('Service month').selectOption('2027-04');
    await page.getByRole('heading', { level: 1, name: 'Draft invoice · April 2027' }).waitFor();
    const draft = (await api('GET', `/contracts/${northstarId}/invoices/2027-04`)).body as { issued: boolean; invoice: InvoiceJson };
    expect(draft.issued).toBe(false);
    const credit = draft.invoice.lines.find((l) => l.kind === 'credit');
    expect(credit?.evidence.kind).toBe('tickets');
    const lines = page.getByTestId('invoice-lines');
    const creditRow = lines.locator('tr.row-credit').first();
    for (const ticket of credit!.evidence.ids.slice(0, 3)) await creditRow.getByRole('link', { name: ticket }).waitFor();
    await expect(page.getByTestId('invoice-total').innerText()).resolves.toBe(`USD ${groupThousands(draft.invoice.totals.total)}`);
    await saveScreenshot(page, 'journey3-1-draft-invoice-with-evidence');
  });

  it('issues it after a confirmation, and the server stores it with the next number', async () => {
    await page.getByRole('button', { name: 'Issue the invoice for April 2027…' }).click();
    await page.getByRole('group', { name: 'Confirm issuing' }).getByRole('button', { name: 'Issue it' }).click();
    await page.getByText(/^Invoice NS-\d{4}-\d{4} issued$/).waitFor();
    const listed = (await api('GET', `/contracts/${northstarId}/invoices`)).body as { invoices: { id: string; serviceMonth: string; state: string }[] };
    expect(listed.invoices).toHaveLength(1);
    expect(listed.invoices[0]).toMatchObject({ serviceMonth: '2027-04', state: 'issued' });
    await page.getByRole('heading', { level: 1, name: `Invoice ${listed.invoices[0]!.id}` }).waitFor();
    // Issued once: asking again is refused, and the page no longer offers it.
    expect((await api('POST', `/contracts/${northstarId}/invoices/2027-04/issue`)).status).toBe(409);
    await expect(page.getByRole('button', { name: /^Issue the invoice/ }).count()).resolves.toBe(0);
    await saveScreenshot(page, 'journey3-2-issued-invoice');
  });

  it('downloads the issued invoice as a PDF', async () => {
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Invoice ', '');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('lists the invoice on the statement, owed in full', async () => {
    await page.getByRole('link', { name: 'Invoices', exact: true }).first().click();
    const table = page.getByTestId('statement-table');
    await table.waitFor();
    const statement = (await api('GET', `/contracts/${northstarId}/statement`)).body as { lines: { invoiceId: string; total: string; paid: string; balance: string }[] };
    expect(statement.lines).toHaveLength(1);
    const line = statement.lines[0]!;
    expect(line.paid).toBe('0.00');
    expect(line.balance).toBe(line.total);
    const row = table.getByRole('row', { name: new RegExp(line.invoiceId) });
    await expect(row.innerText()).resolves.toContain(`USD ${groupThousands(line.balance)}`);
    await saveScreenshot(page, 'journey3-3-statement');
  });
});
