/**
 * The `hours` part of a calendar: day keys (`mon`, `mon-fri`, wrapping `fri-mon`) and
 * `HH:MM-HH:MM` ranges in seconds after local midnight (`24:00` only as an end; an end
 * before the start crosses midnight, so `22:00-06:00` is 79200..108000).
 */
import type { FieldPath, Problem } from '../errors/index.js';
import { weekdays } from '../time/index.js';

const secondsPerDay = 86_400;

/** One opening range of a weekday, as written under one day key. */
export interface OpeningRange {
  /** Seconds after local midnight of the day it is written under, 0..86399. */
  readonly startSeconds: number;
  /** Seconds after the same midnight, up to 86400 (`24:00`), or beyond it when the range crosses midnight. */
  readonly endSeconds: number;
  /** Where it is written: `['hours', 'mon-fri', 0]`. */
  readonly path: FieldPath;
  readonly text: string;
}

/**
 * The weekdays a key names, 0 = Monday: `weekdayIndexesOfKey('fri-mon')` is `[4, 5, 6, 0]`;
 * `undefined` for an unknown key.
 */
export function weekdayIndexesOfKey(key: string): number[] | undefined {
  const [first, last, extra] = key.split('-');
  if (extra !== undefined || first === undefined) return undefined;
  const from = weekdays.indexOf(first as never);
  const to = last === undefined ? from : weekdays.indexOf(last as never);
  if (from < 0 || to < 0) return undefined;
  const indexes: number[] = [];
  for (let d = from; ; d = (d + 1) % 7) {
    indexes.push(d);
    if (d === to) return indexes;
  }
}

const rangePattern = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/;

/**
 * Parses `"08:00-18:00"` to `{ startSeconds: 28800, endSeconds: 64800 }` and `"22:00-06:00"`
 * to `{ startSeconds: 79200, endSeconds: 108000 }`; a string explains what is wrong.
 */
export function parseOpeningRange(text: unknown): { startSeconds: number; endSeconds: number } | string {
  if (typeof text !== 'string') return `${JSON.stringify(text)} is not a "HH:MM-HH:MM" range`;
  const m = rangePattern.exec(text.trim());
  if (!m) return `"${text}" is not a "HH:MM-HH:MM" range`;
  const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  for (const [hour, minute, role] of [
    [sh, sm, 'start'],
    [eh, em, 'end'],
  ] as const) {
    if (minute > 59) return `"${text}": minute ${String(minute).padStart(2, '0')} of the ${role} is not 00-59`;
    const isMidnightEnd = role === 'end' && hour === 24 && minute === 0;
    if (hour > 23 && !isMidnightEnd) {
      return `"${text}": ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} is not a time of day (00:00-23:59; 24:00 only as an end)`;
    }
  }
  const startSeconds = sh * 3600 + sm * 60;
  let endSeconds = eh * 3600 + em * 60;
  if (endSeconds === startSeconds) return `"${text}" is empty (start equals end); remove it or write "00:00-24:00" for a whole day`;
  if (endSeconds < startSeconds) endSeconds += secondsPerDay;
  return { startSeconds, endSeconds };
}

/**
 * Reads `hours` into ranges per weekday (index 0 = Monday) and lists every fault with its
 * path: unknown keys, malformed ranges, a day named twice, and ranges that overlap on a
 * local date (including a range's after-midnight part against the next day's ranges).
 */
export function parseWeeklyHours(hours: unknown, problems: Problem[]): OpeningRange[][] {
  const weekly: OpeningRange[][] = [[], [], [], [], [], [], []];
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) {
    problems.push({ message: 'hours must map day keys to lists of "HH:MM-HH:MM" ranges', path: ['hours'], expected: '{ mon-fri: ["08:00-18:00"] }' });
    return weekly;
  }
  const namedBy: (string | undefined)[] = new Array(7).fill(undefined);
  for (const [key, value] of Object.entries(hours as Record<string, unknown>)) {
    const days = weekdayIndexesOfKey(key);
    if (!days) {
      problems.push({ message: `unknown day key "${key}"`, path: ['hours', key], expected: 'mon..sun or a range such as mon-fri or fri-mon' });
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push({ message: `hours for "${key}" must be a list of "HH:MM-HH:MM" ranges`, path: ['hours', key], expected: '["08:00-18:00"]' });
      continue;
    }
    const twice = days.filter((d) => namedBy[d] !== undefined);
    if (twice.length > 0) {
      const names = twice.map((d) => `${weekdays[d]} (already under "${namedBy[d]}")`).join(', ');
      problems.push({ message: `"${key}" names ${names} again`, path: ['hours', key], hint: 'name each day under one key, listing all its ranges there' });
      continue;
    }
    for (const d of days) namedBy[d] = key;
    value.forEach((text, index) => {
      const parsed = parseOpeningRange(text);
      const path = ['hours', key, index];
      if (typeof parsed === 'string') problems.push({ message: parsed, path, expected: 'HH:MM-HH:MM, for example 08:00-18:00' });
      else for (const d of days) weekly[d]!.push({ ...parsed, path, text: String(text).trim() });
    });
  }
  reportOverlaps(weekly, problems);
  if (problems.length === 0 && weekly.every((ranges) => ranges.length === 0)) {
    problems.push({ message: 'the calendar has no open hours, so nothing could ever fall due', path: ['hours'], expected: 'at least one range, for example mon-fri: ["08:00-18:00"]' });
  }
  for (const ranges of weekly) ranges.sort((a, b) => a.startSeconds - b.startSeconds);
  return weekly;
}

/** Each local date sees its weekday's ranges up to 24:00 and the previous weekday's after-midnight parts. */
function reportOverlaps(weekly: OpeningRange[][], problems: Problem[]): void {
  const reported = new Set<string>();
  for (let d = 0; d < 7; d++) {
    const previous = weekly[(d + 6) % 7]!;
    const onDate = [
      ...weekly[d]!.map((r) => ({ from: r.startSeconds, to: Math.min(r.endSeconds, secondsPerDay), range: r, tail: false })),
      ...previous
        .filter((r) => r.endSeconds > secondsPerDay)
        .map((r) => ({ from: 0, to: r.endSeconds - secondsPerDay, range: r, tail: true })),
    ].sort((a, b) => a.from - b.from || a.to - b.to);
    for (let i = 0; i < onDate.length; i++) {
      for (let j = i + 1; j < onDate.length && onDate[j]!.from < onDate[i]!.to; j++) {
        const [a, b] = [onDate[i]!, onDate[j]!];
        const key = `${JSON.stringify(a.range.path)}|${JSON.stringify(b.range.path)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const tail = a.tail ? a : b.tail ? b : undefined;
        const other = tail === a ? b : a;
        const message = tail
          ? `"${tail.range.text}" runs past midnight into ${weekdays[d]} and overlaps "${other.range.text}" (${describe(other.range.path)})`
          : `"${b.range.text}" overlaps "${a.range.text}" (${describe(a.range.path)}) on ${weekdays[d]}`;
        problems.push({ message, path: (tail ?? b).range.path, hint: 'ranges on a day must not overlap; touching (12:00-13:00, 13:00-18:00) is fine' });
      }
    }
  }
}

function describe(path: FieldPath): string {
  return `hours.${String(path[1])}[${String(path[2])}]`;
}
