import { StringDecoder } from 'node:string_decoder';
import { SupportPactError } from '../../domain/errors/index.js';
import type { ByteStream } from './import-types.js';

/** Longest line read (16 Mi characters): a JSON Lines record is far smaller; a file without line breaks is not text. */
export const maxLineChars = 16 * 1024 * 1024;

export interface TextLine {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The line without its `\n` / `\r\n` and without a leading byte-order mark. */
  readonly text: string;
}

/**
 * Splits a byte stream into UTF-8 lines as the bytes arrive (a multi-byte character split
 * across chunks is kept whole), so memory holds one chunk and one line at a time. A line
 * longer than `maxChars` fails with `INPUT_UNREADABLE` instead of filling memory.
 */
export async function* readTextLines(input: ByteStream, maxChars = maxLineChars, fileName = 'input'): AsyncGenerator<TextLine> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    let start = 0;
    for (;;) {
      const end = pending.indexOf('\n', start);
      if (end < 0) break;
      line++;
      yield { line, text: clean(pending.slice(start, end), line) };
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxChars) {
      throw new SupportPactError('INPUT_UNREADABLE', `${fileName}:${line + 1}: a line longer than ${maxChars} characters`, {
        problems: [{ message: 'line too long to be a record', file: fileName, line: line + 1, hint: 'check that the file is text of the named kind (JSON Lines: one record per line)' }],
      });
    }
  }
  pending += decoder.end();
  if (pending.length > 0) {
    line++;
    yield { line, text: clean(pending, line) };
  }
}

function clean(text: string, line: number): string {
  let out = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (line === 1 && out.charCodeAt(0) === 0xfeff) out = out.slice(1);
  return out;
}
