import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateToken } from '../../../app/authenticate-token.js';
import { openStore, type OpenedStore } from '../../store/index.js';
import { captureIo } from '../cli-io.js';
import { adminTokenNotice, resolveListenOptions, serveApi } from './serve-command.js';

/** 2027-04-10T09:00:00-07:00 (Los Angeles). */
const now = () => Date.parse('2027-04-10T09:00:00-07:00');

describe('resolveListenOptions', () => {
  it('takes --port over PORT over 4477, and listens on loopback unless --host says otherwise', () => {
    expect(resolveListenOptions({}, {})).toEqual({ port: 4477, host: '127.0.0.1' });
    expect(resolveListenOptions({}, { PORT: '8080' })).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(resolveListenOptions({ port: '9000', host: '0.0.0.0' }, { PORT: '8080' })).toEqual({ port: 9000, host: '0.0.0.0' });
  });

  it('refuses a port that is not a whole number from 0 to 65535, naming where it came from', () => {
    expect(() => resolveListenOptions({ port: '70000' }, {})).toThrow(expect.objectContaining({ code: 'USAGE', problems: [expect.objectContaining({ path: ['--port'] })] }));
    expect(() => resolveListenOptions({}, { PORT: '80x' })).toThrow(expect.objectContaining({ code: 'USAGE', problems: [expect.objectContaining({ path: ['PORT'] })] }));
    expect(() => resolveListenOptions({ port: '1.5' }, {})).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});

describe('serveApi', () => {
  let store: OpenedStore;
  const advertised: string[] = [];
  beforeEach(async () => {
    const opened = await openStore({ dataDir: 'memory://' });
    advertised.length = 0;
    store = { ...opened, advertiseHttpApi: (url: string) => void advertised.push(url) };
  });
  afterEach(() => store.close());

  it('prints a working admin token on the first start only, listens on loopback and advertises its URL', async () => {
    const io = captureIo();
    const first = await serveApi(store, io, { port: 0, host: '127.0.0.1' }, { now });
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(advertised).toEqual([first.url]);
      const secret = /^ {2}(sp_\S+)$/m.exec(io.out())?.[1];
      expect(secret).toBeDefined();
      expect(io.out()).toContain(adminTokenNotice(secret!));
      expect(await authenticateToken(store, secret!)).toMatchObject({ role: 'client-admin', contracts: '*' });
      const health = await fetch(`${first.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', store: 'pglite' });
      const contracts = await fetch(`${first.url}/api/v1/contracts`, { headers: { authorization: `Bearer ${secret}` } });
      expect(await contracts.json()).toEqual({ contracts: [] });
    } finally {
      await first.app.close();
    }
    const again = captureIo();
    const second = await serveApi(store, again, { port: 0, host: '127.0.0.1' }, { now });
    await second.app.close();
    expect(again.out()).not.toContain('sp_');
    expect(again.out()).toContain(`at ${second.url}`);
  });
});
