/**
 * A second process for the lock tests: opens the embedded store in `argv[2]` as
 * `supportpact serve` would, advertises `argv[3]` as its HTTP API if given, prints `ready`,
 * and holds the folder until its stdin closes.
 */
import { openStore } from '../../src/adapters/store/index.js';

const [dataDir, apiUrl] = process.argv.slice(2);
const store = await openStore({ dataDir: dataDir!, command: 'supportpact serve --port 8080' });
if (apiUrl) store.advertiseHttpApi(apiUrl);
process.stdout.write(`ready ${process.pid}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void store.close().then(() => process.exit(0));
});
