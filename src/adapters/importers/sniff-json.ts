import type { ByteStream } from './import-types.js';
import { toBuffer } from './open-import-file.js';

/**
 * Looks at the first byte that is not whitespace or a byte-order mark to tell JSON (`{`, `[`)
 * from CSV, and hands back a stream that replays every byte. Reads only as far as that byte.
 */
export async function sniffJson(input: ByteStream): Promise<{ isJson: boolean; input: AsyncGenerator<Buffer> }> {
  const iterator = input[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let isJson: boolean | undefined;
  let done = false;
  let skipped = 0;
  while (isJson === undefined) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    seen.push(chunk);
    for (const byte of chunk) {
      // UTF-8 BOM (EF BB BF) at the very start, then space, tab, CR, LF.
      if ((skipped < 3 && (byte === 0xef || byte === 0xbb || byte === 0xbf)) || byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a) {
        skipped++;
        continue;
      }
      isJson = byte === 0x7b || byte === 0x5b;
      break;
    }
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  return { isJson: isJson ?? false, input: replay() };
}
