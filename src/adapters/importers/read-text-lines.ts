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
  const splitter = new TextLineSplitter(maxChars, fileName);
  let lines: TextLine[] = [];
  const collect = (text: string, line: number): void => {
    lines.push({ line, text });
  };
  for await (const chunk of input) {
    splitter.push(chunk, collect);
    const ready = lines;
    lines = [];
    yield* ready;
    splitter.checkPending();
  }
  splitter.end(collect);
  yield* lines;
}

/**
 * The line splitting of `readTextLines` for readers that handle a whole chunk's lines in one
 * go (the canonical JSON Lines reader): `push` calls `onLine` for each complete line of a
 * chunk, synchronously, so no promise is made per line (a 64 KiB chunk holds about 500
 * canonical events). Call `checkPending` after handing the chunk's results on, and `end`
 * after the last chunk.
 */
export class TextLineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  /** Lines completed so far. */
  private line = 0;

  constructor(
    private readonly maxChars: number,
    private readonly fileName: string,
  ) {}

  push(chunk: Uint8Array | string, onLine: (text: string, line: number) => void): void {
    const text = this.pending + (typeof chunk === 'string' ? chunk : this.decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      this.line++;
      onLine(clean(text, start, end, this.line), this.line);
      start = end + 1;
    }
    this.pending = start === 0 ? text : text.slice(start);
  }

  /** Throws `INPUT_UNREADABLE` when the unfinished line is already longer than `maxChars`. */
  checkPending(): void {
    if (this.pending.length <= this.maxChars) return;
    const line = this.line + 1;
    throw new SupportPactError('INPUT_UNREADABLE', `${this.fileName}:${line}: a line longer than ${this.maxChars} characters`, {
      problems: [{ message: 'line too long to be a record', file: this.fileName, line, hint: 'check that the file is text of the named kind (JSON Lines: one record per line)' }],
    });
  }

  /** Hands over the last line when the input does not end with a line break. */
  end(onLine: (text: string, line: number) => void): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest.length === 0) return;
    this.line++;
    onLine(clean(rest, 0, rest.length, this.line), this.line);
  }
}

/** `text[start, end)` without a trailing `\r`, and on line 1 without a byte-order mark. */
function clean(text: string, start: number, end: number, line: number): string {
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  if (line === 1 && text.charCodeAt(start) === 0xfeff && end > start) start++;
  return text.slice(start, end);
}
