import { SupportPactError } from '../../domain/errors/index.js';
import type { ByteStream } from './import-types.js';
import { readTextLines } from './read-text-lines.js';

/** One JSON document of a file, or a line of JSON Lines that does not parse. */
export type JsonDocument =
  | { readonly line: number; readonly document: unknown; readonly error?: undefined }
  | { readonly line: number; readonly document?: undefined; readonly error: string };

/**
 * Largest single JSON document read into memory (256 MiB of text). A whole-document export
 * (a Zendesk page, a Zammad dump) is parsed at once; past this size, split it into pages or
 * write it as JSON Lines, which stream.
 */
export const maxJsonDocumentChars = 256 * 1024 * 1024;

/**
 * Reads a JSON source either as JSON Lines (one document per line, streamed line by line:
 * used when the first non-blank line parses on its own) or as one document (pretty-printed
 * JSON, parsed once per file). JSON Lines lines that do not parse come back as `error`.
 */
export async function* readJsonDocuments(input: ByteStream, fileName: string): AsyncGenerator<JsonDocument> {
  let mode: 'undecided' | 'lines' | 'whole' = 'undecided';
  const whole: string[] = [];
  let wholeChars = 0;
  for await (const { line, text } of readTextLines(input, maxJsonDocumentChars, fileName)) {
    if (mode === 'whole') {
      wholeChars += text.length + 1;
      if (wholeChars > maxJsonDocumentChars) throw tooLarge(fileName);
      whole.push(text);
      continue;
    }
    if (text.trim() === '') {
      if (mode === 'undecided') whole.push(text);
      continue;
    }
    try {
      const document: unknown = JSON.parse(text);
      mode = 'lines';
      yield { line, document };
    } catch (error) {
      if (mode === 'lines') {
        yield { line, error: (error as Error).message };
        continue;
      }
      mode = 'whole';
      whole.push(text);
      wholeChars = whole.reduce((n, t) => n + t.length + 1, 0);
    }
  }
  if (mode !== 'whole') return;
  const text = whole.join('\n');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new SupportPactError('IMPORT_INVALID', `${fileName}${line ? `:${line}` : ''}: not valid JSON (${message})`, {
      problems: [{ message: 'not valid JSON', file: fileName, ...(line ? { line } : {}), hint: 'export the file again; a JSON export must be one document or one document per line' }],
      cause: error,
    });
  }
  yield { line: 1, document };
}

function tooLarge(fileName: string): SupportPactError {
  return new SupportPactError('INPUT_UNREADABLE', `${fileName}: one JSON document larger than ${maxJsonDocumentChars / 1024 / 1024} MiB`, {
    problems: [{ message: 'JSON document too large to read at once', file: fileName, hint: 'export in pages (one file per page) or as JSON Lines, one ticket per line' }],
  });
}
