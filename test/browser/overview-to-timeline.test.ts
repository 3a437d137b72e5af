import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeJourney, ensureDashboardBuilt, launchChromium, saveScreenshot, signIn } from './support/browser.js';
import { northstarId, startDemoServer, type DemoServer } from './support/demo-server.js';

describeJourney('journey: overview to scorecard to a breached ticket timeline', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // A journey step that cannot find its element fails in 15 s, not at the test's timeout.
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function apiJson(path: string): Promise<Record<string, unknown>> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { authorization: `Bearer ${server.tokens.admin}` } });
    return response.json() as Record<string, unknown>;
  }

  it('shows each contract with its month-to-date service levels, from the API', async () => {
    await signIn(page, server.baseUrl, server.tokens.admin);
    const card = page.getByTestId(`overview-${northstarId}`);
    // The demo's now is 2027-06-03 14:30 in Los Angeles: June is the month to date.
    await card.getByRole('heading', { name: 'Service levels, June 2027 to date' }).waitFor();
    await card.getByRole('list', { name: 'Service levels of June 2027 so far' }).waitFor();
    const scorecard = (await apiJson(`/contracts/${northstarId}/scorecards/2027-06`)) as { serviceLevels: { attainment: { percent: string } | null }[] };
    const shown = await card.locator('.meter-figure').allInnerTexts();
    expect(shown.map((text) => text.split(' ')[0])).toEqual(scorecard.serviceLevels.map((l) => l.attainment?.percent ?? 'no'));
    // Credits accrued so far this month, as the overview route computes them.
    const overview = (await apiJson('/overview')) as { contracts: { contractId: string; credits: { credits?: { amount: string } } }[] };
    const accrued = overview.contracts.find((c) => c.contractId === northstarId)?.credits.credits?.amount;
    expect(accrued).toMatch(/^\d+\.\d{2}$/);
    await expect(card.getByTestId('credits-accrued').innerText()).resolves.toContain(accrued!);
    // Bayline has no tickets: its service levels say "no data" instead of showing a figure.
    const bayline = page.getByTestId('overview-bayline-helpdesk-2027');
    await bayline.getByText(/^0 met, 0 missed, 3 without data/).waitFor();
    await expect(bayline.locator('.meter-figure').allInnerTexts()).resolves.toEqual(['no data of 95%', 'no data of 92%', 'no data of 88%']);
    await saveScreenshot(page, 'journey1-1-overview');
  });

  it('opens the scorecard and shows May against its targets', async () => {
    await page.getByTestId(`overview-${northstarId}`).getByRole('link', { name: /Acme Robotics and Northstar Support/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Scorecard · June 2027' }).waitFor();
    await page.getByLabel('Month', { exact: true }).selectOption('2027-05');
    await page.getByRole('heading', { level: 1, name: 'Scorecard · May 2027' }).waitFor();
    const table = page.getByTestId('service-level-table');
    await table.waitFor();
    const row = table.getByRole('row', { name: /Resolution P1/ });
    const scorecard = (await apiJson(`/contracts/${northstarId}/scorecards/2027-05`)) as { serviceLevels: { id: string; attainment: { percent: string }; breachedTickets: string[] }[] };
    const p1 = scorecard.serviceLevels.find((l) => l.id === 'p1-resolution');
    expect(p1).toBeDefined();
    await expect(row.innerText()).resolves.toContain(p1!.attainment.percent);
    await page.locator('[data-testid="attainment-chart"] [data-ready="true"]').waitFor();
    await page.locator('[data-testid="trend-attainment"] [data-ready="true"]').waitFor();
    await page.locator('[data-testid="resolve-times"] [data-ready="true"]').waitFor();
    // The chart's text alternative carries the same figures.
    await page.getByTestId('attainment-chart').getByText('Show the figures as a table').click();
    await expect(page.getByTestId('attainment-chart').getByRole('table').innerText()).resolves.toContain(p1!.attainment.percent);
    await saveScreenshot(page, 'journey1-2-scorecard-may');
  });

  it("follows a breached ticket to its clock timeline, with the target and due instant", async () => {
    const row = page.getByTestId('service-level-table').getByRole('row', { name: /Resolution P1/ });
    const ticket = (await row.getByRole('link').first().innerText()).trim();
    expect(ticket).toMatch(/^T-\d+$/);
    await row.getByRole('link', { name: ticket }).click();
    await page.getByRole('heading', { level: 1, name: `Ticket ${ticket}` }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/contracts/${northstarId}/tickets/${ticket}`);
    const clock = page.getByTestId('clock-resolution-1');
    await clock.getByText('Breached', { exact: true }).first().waitFor();
    await clock.locator('[data-testid="timeline-resolution-1"] [data-ready="true"] svg').waitFor();
    const explained = (await apiJson(`/contracts/${northstarId}/tickets/${ticket}/explain`)) as { clocks: { metric: string; status: string; steps: unknown[] }[] };
    const resolution = explained.clocks.find((c) => c.metric === 'resolution');
    expect(resolution?.status).toBe('breached');
    // One table row per explain step, plus the header row.
    await expect(clock.getByRole('table', { name: /Steps of the resolution clock/ }).getByRole('row').count()).resolves.toBe((resolution?.steps.length ?? 0) + 1);
    // The chart draws the target and the due instant.
    await expect(clock.getByTestId('timeline-resolution-1').locator('svg').innerHTML()).resolves.toContain('target 4h');
    await saveScreenshot(page, 'journey1-3-breached-ticket-timeline');
  });

  it('opens a deep link to the timeline in a new tab after sign-in, and keyboard users can skip to the content', async () => {
    const url = page.url();
    // A new tab has its own sessionStorage: it asks for the token, then shows the linked page.
    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    tab.setDefaultTimeout(15_000);
    await signIn(tab, server.baseUrl, server.tokens.admin, new URL(url).pathname);
    await tab.getByRole('heading', { level: 1, name: /^Ticket T-/ }).waitFor();
    expect(tab.url()).toBe(url);
    // Signing in moves focus to the page's content; a fresh load starts at the skip link.
    await expect(tab.evaluate('document.activeElement?.id')).resolves.toBe('main');
    await tab.reload();
    await tab.getByRole('heading', { level: 1, name: /^Ticket T-/ }).waitFor();
    // The skip link is the first thing a keyboard reaches, and it lands on the content.
    const firstFocusable = await tab.evaluate(`document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent`);
    expect(firstFocusable).toBe('Skip to content');
    await tab.getByRole('link', { name: 'Skip to content' }).focus();
    await tab.keyboard.press('Enter');
    await expect(tab.evaluate('document.activeElement?.id')).resolves.toBe('main');
    await tab.close();
  });
});
