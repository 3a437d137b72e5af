import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeJourney, ensureDashboardBuilt, launchChromium, saveScreenshot, signIn } from './support/browser.js';
import { northstarId, repoRoot, startDemoServer, type DemoServer } from './support/demo-server.js';

const contractFile = (name: string): string => join(repoRoot, 'examples', 'contracts', `${name}.contract.yaml`);

/** A full-page screenshot from the top: the sticky bar and sidebar would otherwise be drawn where the page was scrolled to. */
async function screenshotFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}

describeJourney('journey: choose a vendor by comparing proposals and backtesting one', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('compares the northstar and bayline proposals over the example forecast: ranking, break-even and charts', async () => {
    await signIn(page, server.baseUrl, server.tokens.admin);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Choosing a vendor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choosing a vendor' }).waitFor();
    await page.getByLabel('Choose several contract files at once').setInputFiles([contractFile('northstar-tiered'), contractFile('bayline-per-incident')]);
    await expect.poll(() => page.getByLabel('Proposal 1: Name for error positions').inputValue()).toBe('northstar-tiered.contract.yaml');
    await expect(page.getByLabel('Proposal 2: Name for error positions').inputValue()).resolves.toBe('bayline-per-incident.contract.yaml');
    await page.getByRole('button', { name: 'Start from the example forecast' }).click();
    await expect(page.getByLabel('Forecast: Text (choose a file or paste)').inputValue()).resolves.toContain('title: Acme Robotics helpdesk volume, 2027 to 2029');
    await page.getByLabel('Simulate uncertain futures').check();
    await page.getByLabel('Simulated futures').fill('2000');
    await page.getByRole('button', { name: 'Compare proposals', exact: true }).click();

    const result = page.getByTestId('comparison');
    await result.getByRole('heading', { level: 2, name: 'Comparison: Acme Robotics helpdesk volume, 2027 to 2029' }).waitFor();
    const ranking = (await page.getByTestId('compare-ranking').locator('li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    // The fixed figures of comparisonToJson for these files: northstar USD 900,404.39 over 36 months, 19.58 a ticket.
    expect(ranking).toHaveLength(2);
    expect(ranking[0]).toContain('Cheapest');
    expect(ranking[0]).toContain('acme-northstar-2027');
    expect(ranking[0]).toContain('USD 900,404.39');
    expect(ranking[0]).toContain('USD 19.58 a ticket');
    expect(ranking[0]).toContain('Cheapest in 100.0% of 2,000 simulated futures');
    expect(ranking[1]).toContain('2nd');
    expect(ranking[1]).toContain('bayline-helpdesk-2027');
    // Bayline (per incident, no base fee) is cheaper up to 281 tickets a month; northstar from 282.
    const segments = await page.getByTestId('break-even-segments').innerText();
    expect(segments).toContain('0–281 tickets a month: bayline-helpdesk-2027, then acme-northstar-2027');
    expect(segments).toContain('282–3,200 tickets a month: acme-northstar-2027, then bayline-helpdesk-2027');
    await expect(page.getByTestId('simulation-table').innerText()).resolves.toContain('P90');
    await expect(page.getByTestId('compare-terms').innerText()).resolves.toContain('Targets by priority');

    // Drawn: each proposal's line in its series colour, and the break-even marked on the curve.
    for (const chart of ['cost-curve-chart', 'monthly-cost-chart']) {
      await page.getByTestId(chart).locator('.chart-canvas[data-ready="true"] svg').waitFor();
      const svg = await page.getByTestId(chart).locator('svg').innerHTML();
      expect(svg, chart).toContain('stroke="#2f5bd3"');
      expect(svg, chart).toContain('stroke="#0f8b8d"');
    }
    const curve = page.getByTestId('cost-curve-chart');
    await expect(curve.locator('svg').innerHTML()).resolves.toContain('break-even 282');
    await screenshotFromTop(page, 'journey5-1-compare-ranking-and-charts');
    await curve.getByText('Show the figures as a table').click();
    // The curve's first volume: northstar's minimum (USD 9,000.00 a month, plus expected bonuses and credits) against bayline's nothing.
    await expect(curve.locator('tbody tr').first().innerText()).resolves.toMatch(/^0\s+USD 9,043\.19\s+USD 0\.00$/);
  });

  it('opens the self-contained HTML report in a new tab from a blob address, never with the token in it', async () => {
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-report').click()]);
    await report.getByRole('heading', { level: 1, name: 'Acme Robotics helpdesk volume, 2027 to 2029' }).waitFor();
    expect(report.url()).toMatch(/^blob:/);
    expect(report.url()).not.toContain(server.tokens.admin);
    await report.setViewportSize({ width: 1366, height: 768 });
    await saveScreenshot(report, 'journey5-2-compare-html-report');
    await report.close();
  });

  it('locates a mistake in the forecast at its file, line and column, and goes there', async () => {
    const forecast = page.getByLabel('Forecast: Text (choose a file or paste)');
    const good = await forecast.inputValue();
    await forecast.fill(good.replace('growth: { rate: "8%", per: year }', 'growth: { rate: 8, per: year }'));
    await page.getByRole('button', { name: 'Compare proposals', exact: true }).click();
    const problems = page.getByTestId('compare-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    const line = good.split('\n').findIndex((l) => l.startsWith('growth:')) + 1;
    expect(text).toContain('The proposals could not be compared');
    expect(text).toContain(`forecast.yaml:${line}:11`);
    expect(text).toContain('growth.rate');
    await screenshotFromTop(page, 'journey5-3-compare-located-error');
    await problems.getByRole('button', { name: `Go to line ${line}, column 11 in Forecast` }).click();
    await expect(forecast.evaluate((area) => (area as unknown as { selectionStart: number; value: string }).value.slice(0, (area as unknown as { selectionStart: number }).selectionStart).split('\n').length)).resolves.toBe(line);
    await expect(page.getByTestId('comparison').count()).resolves.toBe(0);
  });

  it('shows the forecast format inside the dashboard, and keeps the form on the way back', async () => {
    await page.getByRole('link', { name: 'the forecast format' }).click();
    await page.getByRole('heading', { level: 1, name: 'The forecast format' }).waitFor();
    // docs/forecast-format.md, built in: its table of keys, each key in code.
    await expect(page.getByRole('row', { name: /^seasonality no a multiplier per calendar month/ }).count()).resolves.toBe(1);
    await screenshotFromTop(page, 'journey5-4-forecast-format');
    await page.getByRole('link', { name: 'Back to comparing proposals' }).click();
    await expect.poll(() => page.getByLabel('Forecast: Text (choose a file or paste)').inputValue()).toContain('growth: { rate: 8, per: year }');
    await expect(page.getByLabel('Proposal 2: Name for error positions').inputValue()).resolves.toBe('bayline-per-incident.contract.yaml');
  });

  it("backtests the bayline proposal on the demo's northstar tickets, month by month beside northstar", async () => {
    await page.getByRole('link', { name: 'Backtest a proposal' }).click();
    await page.getByLabel('Stored contract (its tickets, and the current side)').selectOption(northstarId);
    await page.getByLabel('Proposal: File', { exact: true }).setInputFiles(contractFile('bayline-per-incident'));
    // The file is read in the page, then fills the name and the text.
    await expect.poll(() => page.getByLabel('Proposal: Name for error positions').inputValue()).toBe('bayline-per-incident.contract.yaml');
    await page.getByRole('button', { name: 'Run the backtest' }).click();
    const result = page.getByTestId('backtest');
    await result.getByRole('heading', { level: 2, name: 'Backtest: bayline-helpdesk-2027 against acme-northstar-2027' }).waitFor();
    // The demo's tickets run from March to 3 June 2027; both sides are invoiced from the same tickets.
    const months = await page.getByTestId('backtest-months').locator('tbody th').allInnerTexts();
    expect(months).toEqual(['March 2027', 'April 2027', 'May 2027', 'June 2027']);
    const march = (await page.getByTestId('backtest-months').locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');
    expect(march).toContain('1 of 3 met');
    expect(march).toContain('missed: response-all, resolution-urgent');
    expect(march).toContain('USD 708.50');
    expect(march).toContain('USD 7,085.00');
    expect(march).toContain('4 of 5 met');
    expect(march).toContain('USD 21,790.00');
    const totals = await page.getByTestId('backtest-totals').innerText();
    expect(totals).toContain('USD 24,164.80');
    expect(totals).toContain('USD 80,275.40');
    await page.getByTestId('backtest-invoice-chart').locator('.chart-canvas[data-ready="true"] svg').waitFor();
    await expect(page.getByTestId('backtest-invoice-chart').locator('svg').innerHTML()).resolves.toContain('fill="#0f8b8d"');
    await page.getByText('March 2027: service levels, quality and credits under each contract').click();
    await screenshotFromTop(page, 'journey5-5-backtest');
  });

  it('is neither offered to a vendor nor usable by one', async () => {
    const vendorPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      // The dashboard asks the server what the token may do; the navigation waits for that answer.
      const asked = vendorPage.waitForResponse((r) => r.url().endsWith('/api/v1/session'));
      await signIn(vendorPage, server.baseUrl, server.tokens.vendor);
      expect((await asked).status()).toBe(200);
      await vendorPage.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Overview' }).waitFor();
      await expect(vendorPage.getByRole('link', { name: 'Choosing a vendor' }).count()).resolves.toBe(0);
      await vendorPage.goto(`${server.baseUrl}/compare`);
      const alert = vendorPage.getByRole('alert');
      await alert.waitFor();
      await expect(alert.innerText()).resolves.toContain('Choosing a vendor is for client administrators');
      await expect(alert.innerText()).resolves.toContain('A vendor token may not compare proposals');
      await expect(vendorPage.getByRole('button', { name: 'Compare proposals' }).count()).resolves.toBe(0);
      await saveScreenshot(vendorPage, 'journey5-6-vendor-not-offered');
    } finally {
      await vendorPage.close();
    }
  });
});
