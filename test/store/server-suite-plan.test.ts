import { describe, expect, it } from 'vitest';
import { planServerSuite, probeServer } from './server-suite-plan.js';

describe('planServerSuite', () => {
  const url = 'postgres://postgres@127.0.0.1:5432/test';

  it('runs the suite when the server answers, on CI or not', () => {
    expect(planServerSuite(true, { CI: 'true' }, url)).toEqual({ run: 'suite' });
    expect(planServerSuite(true, {}, url)).toEqual({ run: 'suite' });
  });

  it('fails on CI without a server, and skips elsewhere naming how to enable it', () => {
    expect(planServerSuite('connect ECONNREFUSED', { CI: 'true' }, url)).toMatchObject({ run: 'fail' });
    const skipped = planServerSuite('connect ECONNREFUSED', {}, url);
    expect(skipped).toMatchObject({ run: 'skip' });
    expect(skipped.run !== 'suite' && skipped.reason).toMatch(/SUPPORTPACT_TEST_DATABASE_URL/);
  });
});

describe('probeServer', () => {
  it('reports why a server that refuses connections cannot be used', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    expect(await probeServer('postgres://postgres@127.0.0.1:1/test')).toMatch(/ECONNREFUSED/);
  });
});
