import { readFileSync, statSync } from 'node:fs';
import { SupportPactError } from '../../domain/errors/index.js';

/** Largest text file read whole (contract files, forecasts); imports stream instead. */
export const defaultMaxTextBytes = 20 * 1024 * 1024;

/**
 * Reads a UTF-8 text file, turning every way it can fail into a clear error: a missing
 * path, a directory, a file over `maxBytes`, binary content, or invalid UTF-8.
 */
export function readTextFile(path: string, maxBytes = defaultMaxTextBytes): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new SupportPactError('INPUT_UNREADABLE', `${path} is a directory, not a file`, { problems: [{ message: 'is a directory; name a file inside it', file: path }] });
    size = stat.size;
  } catch (error) {
    if (error instanceof SupportPactError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new SupportPactError('INPUT_NOT_FOUND', `${path} does not exist`, { problems: [{ message: 'no such file', file: path }] });
    throw new SupportPactError('INPUT_UNREADABLE', `${path} cannot be read: ${(error as Error).message}`, { problems: [{ message: (error as Error).message, file: path }] });
  }
  if (size > maxBytes) {
    throw new SupportPactError('INPUT_UNREADABLE', `${path} is ${(size / 1024 / 1024).toFixed(1)} MB; at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB is read here`, {
      problems: [{ message: `file too large (${size} bytes)`, file: path }],
    });
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw new SupportPactError('INPUT_UNREADABLE', `${path} cannot be read: ${(error as Error).message}`, { problems: [{ message: (error as Error).message, file: path }] });
  }
  const nul = buffer.indexOf(0);
  if (nul >= 0) {
    const line = buffer.subarray(0, nul).toString('latin1').split('\n').length;
    throw new SupportPactError('INPUT_UNREADABLE', `${path} is a binary file, not text`, { problems: [{ message: 'contains binary data (a NUL byte)', file: path, line, column: 1 }] });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new SupportPactError('INPUT_UNREADABLE', `${path} is not UTF-8 text`, { problems: [{ message: 'not valid UTF-8; save the file as UTF-8', file: path }] });
  }
}
