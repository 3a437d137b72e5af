import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeJourney, ensureDashboardBuilt, launchChromium, saveScreenshot, signIn } from './support/browser.js';
import { exampleContractText, startDemoServer, type DemoServer } from './support/demo-server.js';

/** The draft example with one mistake: a time zone that does not exist, on its own line. */
function draftWithMistake(): { text: string; line: number; column: number } {
  const good = exampleContractText('draft-with-gaps');
  const lines = good.split('\n');
  const line = lines.findIndex((l) => l.startsWith('timezone: ')) + 1;
  lines[line - 1] = 'timezone: America/Springfield';
  return { text: lines.join('\n'), line, column: 'timezone: '.length + 1 };
}

describeJourney('journey: upload a contract with a mistake and see the located error', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    [server, browser] = await Promise.all([startDemoServer({ withTickets: false }), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses the file and names the file, line, column and field of the mistake', async () => {
    const mistake = draftWithMistake();
    expect(mistake.line).toBeGreaterThan(1);
    await signIn(page, server.baseUrl, server.tokens.admin);
    await page.getByRole('link', { name: 'Add a contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a contract' }).waitFor();
    await page.getByLabel('Name for error positions').fill('quickfix.contract.yaml');
    await page.getByLabel('Contract text').fill(mistake.text);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const problems = page.getByTestId('upload-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    // The server locates it: where the value starts, which field, and what was expected.
    expect(text).toContain('The contract was not stored');
    expect(text).toMatch(new RegExp(`quickfix\\.contract\\.yaml:${mistake.line}:\\d+`));
    expect(text).toContain('timezone');
    expect(text).toContain('America/Springfield');
    await saveScreenshot(page, 'journey2-1-upload-located-error');
  });

  it('puts the cursor on the line of the mistake', async () => {
    await page.getByTestId('upload-problems').getByRole('button', { name: /Go to line/ }).first().click();
    // A string run in the page: this project's TypeScript has no DOM types outside web/.
    const selection = (await page.evaluate(`(() => {
      const area = document.querySelector('textarea');
      return { focused: document.activeElement === area, lineOfCursor: area.value.slice(0, area.selectionStart).split('\\n').length, selected: area.value.slice(area.selectionStart, area.selectionEnd) };
    })()`)) as { focused: boolean; lineOfCursor: number; selected: string };
    expect(selection.focused).toBe(true);
    expect(selection.lineOfCursor).toBe(draftWithMistake().line);
    expect(selection.selected).toContain('America/Springfield');
  });

  it('stores the corrected file and shows what the check found in it', async () => {
    await page.getByLabel('Contract text').fill(exampleContractText('draft-with-gaps'));
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByText('Contract stored').waitFor();
    const listed = await server.app.inject({ method: 'GET', url: '/api/v1/contracts', headers: { authorization: `Bearer ${server.tokens.admin}` } });
    expect((listed.json() as { contracts: { contractId: string }[] }).contracts.map((c) => c.contractId)).toContain('quickfix-draft');
    await page.getByRole('link', { name: 'See its findings' }).click();
    await page.getByTestId('findings-table').waitFor();
    const check = await server.app.inject({ method: 'GET', url: '/api/v1/contracts/quickfix-draft/check', headers: { authorization: `Bearer ${server.tokens.admin}` } });
    const findings = (check.json() as { findings: unknown[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    await expect(page.getByTestId('findings-table').locator('tbody tr').count()).resolves.toBe(Math.min(findings.length, 100));
    await saveScreenshot(page, 'journey2-2-uploaded-findings');
  });
});
