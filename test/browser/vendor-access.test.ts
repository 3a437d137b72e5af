import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeJourney, ensureDashboardBuilt, launchChromium, saveScreenshot, signIn } from './support/browser.js';
import { baylineId, northstarId, startDemoServer, type DemoServer } from './support/demo-server.js';

describeJourney('journey: a vendor token cannot open another contract', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers the vendor only its own contract', async () => {
    await signIn(page, server.baseUrl, server.tokens.vendor);
    await page.getByTestId(`overview-${northstarId}`).getByRole('heading', { name: 'Service levels, June 2027 to date' }).waitFor();
    await page.getByTestId(`overview-${northstarId}`).locator('.meter-row').first().waitFor();
    await expect(page.getByTestId(`overview-${baylineId}`).count()).resolves.toBe(0);
    const options = await page.getByRole('combobox', { name: 'Contract' }).locator('option').allInnerTexts();
    expect(options).toEqual(['IT helpdesk outsourcing - Acme Robotics and Northstar Support']);
    // A vendor role may not read the contract's findings: the card says so instead of a figure.
    await page.getByTestId(`overview-${northstarId}`).getByText('Contract findings are not visible to this token’s role.').waitFor();
    await saveScreenshot(page, 'journey4-1-vendor-overview');
  });

  it("refuses the other contract's pages by address, with the server's answer", async () => {
    for (const path of [`/contracts/${baylineId}/scorecard`, `/contracts/${baylineId}/tickets`, `/contracts/${baylineId}/tickets/T-1001`]) {
      await page.goto(server.baseUrl + path);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.innerText()).resolves.toContain(`No contract "${baylineId}" is visible to this token.`);
    }
    await saveScreenshot(page, 'journey4-2-vendor-refused-other-contract');
  });

  it('is refused by the API itself, not only by the dashboard', async () => {
    const status = await page.evaluate(async ([contract, token]) => {
      const response = await fetch(`/api/v1/contracts/${contract}/scorecards/2027-05`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as { error: { code: string } } };
    }, [baylineId, server.tokens.vendor] as const);
    expect(status.status).toBe(404);
    expect(status.body.error.code).toBe('NOT_FOUND');
  });

  it('switches back to its own contract and opens its scorecard', async () => {
    await page.getByRole('combobox', { name: 'Contract' }).selectOption(northstarId);
    await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
    await page.getByRole('link', { name: 'Scorecard', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Scorecard · June 2027' }).waitFor();
    await page.getByTestId('service-level-table').waitFor();
    await saveScreenshot(page, 'journey4-3-vendor-own-scorecard');
  });
});
