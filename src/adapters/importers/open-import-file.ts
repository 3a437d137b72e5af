import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SupportPactError } from '../../domain/errors/index.js';
import type { ByteStream } from './import-types.js';

/** gzip's magic bytes (RFC 1952 section 2.3.1): every member starts with 0x1f 0x8b. */
const gzipMagic = [0x1f, 0x8b] as const;

/**
 * Streams a file for `readImport`, gunzipping it when its first two bytes are gzip's magic
 * (whatever its name). Missing paths and folders fail with `INPUT_NOT_FOUND` / `INPUT_UNREADABLE`.
 */
export async function openImportFile(path: string): Promise<AsyncIterable<Buffer>> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SupportPactError(missing ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE', `${missing ? 'import file not found' : 'cannot read import file'}: ${path}`, {
      problems: [{ message: missing ? 'no such file' : (error as Error).message, file: path, hint: missing ? 'check the path; relative paths start at the current directory' : 'check the file permissions' }],
      cause: error,
    });
  }
  if (!info.isFile()) {
    throw new SupportPactError('INPUT_UNREADABLE', `not a file: ${path}`, {
      problems: [{ message: 'a folder or device, not a file', file: path, hint: 'name the export file itself' }],
    });
  }
  return gunzipIfCompressed(readFileBytes(path), path);
}

/** The file's bytes as they are read; a read failure (no permission) becomes `INPUT_UNREADABLE`. */
async function* readFileBytes(path: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(path)) yield chunk as Buffer;
  } catch (error) {
    throw new SupportPactError('INPUT_UNREADABLE', `cannot read import file: ${path} (${(error as Error).message})`, {
      problems: [{ message: (error as Error).message, file: path, hint: 'check the file permissions' }],
      cause: error,
    });
  }
}

/**
 * Passes the bytes through unchanged, or gunzips them when they start with gzip's magic bytes.
 * Decides on the first two bytes only, so memory stays flat.
 */
export async function* gunzipIfCompressed(input: ByteStream, fileName = 'input'): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < gzipMagic.length) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    head.push(chunk);
    headLength += chunk.length;
  }
  const first = Buffer.concat(head);
  async function* all(): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  if (first[0] !== gzipMagic[0] || first[1] !== gzipMagic[1]) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  // Errors from either side end the gunzip stream, whose iteration then throws.
  pipeline(Readable.from(all()), gunzip, () => undefined);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw new SupportPactError('INPUT_UNREADABLE', `${fileName}: the gzip data is damaged (${(error as Error).message})`, {
      problems: [{ message: 'gzip data cannot be decompressed', file: fileName, hint: 'check that the download is complete: `gzip -t` tests it' }],
      cause: error,
    });
  } finally {
    gunzip.destroy();
  }
}

/** A chunk as a Buffer, without copying when it already is one. */
export function toBuffer(chunk: Uint8Array | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}
