/**
 * Business-calendar engine: add and between on 1,000,000 random inputs (starts over
 * 2027-2029, amounts up to two weeks of open time) on a Los Angeles mon-fri 08:00-18:00
 * calendar with US-CA holidays. Subjects, measured in this run: the numeric engine, the
 * Date/string API, the slow oracle (small sample) and dayjs-business-time 1.0.4, the most
 * used npm business-time library, which has no zone support: it runs here with the
 * process zone set to America/Los_Angeles (its best case), the same hours and holiday
 * dates, whole-minute inputs (its resolution) and our `closing-time` convention (its own).
 * Also: the share of inputs on which dayjs-business-time disagrees with the engine (office
 * calendar, DST weeks, a night shift 22:00-06:00 every day, which it only accepts split into
 * 00:00-06:00 + 22:00-24:00: written as 22:00-06:00 its add never returns, and the office
 * calendar with the process in UTC, the usual server setting), and heap
 * growth and GC count over 20 million numeric calls.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { addBusinessTime, businessTimeBetween, createCalendar, type BusinessCalendar, type CalendarSpec } from '../src/domain/calendar/index.js';
import { publicHolidayDayNumbers, parseHolidayRegion } from '../src/domain/calendar/holiday-regions.js';
import { CalendarOracle } from '../src/domain/calendar/test-support/oracle.js';
import { formatInstantUtc, localDateOfDayNumber } from '../src/domain/time/index.js';
import { measureOpsPerSecond, printTable, writeBenchResults } from './support/results.js';

const inputCount = 1_000_000;
const targetOpsPerSecond = 20_000_000;
const fromAt = Date.UTC(2027, 0, 1) / 1000;
const toAt = Date.UTC(2030, 0, 1) / 1000;
const twoWeeksOpen = 10 * 10 * 3600; // ten business days of 10 hours

const office: CalendarSpec = { timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] }, holidays: ['US-CA'] };
/** A night shift every day: Saturday night's shift holds the 02:00 DST change. */
const nights: CalendarSpec = { timezone: 'America/Los_Angeles', hours: { 'mon-sun': ['22:00-06:00'] }, holidays: ['US-CA'] };

/** A seeded generator, so every run measures the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Inputs {
  readonly startAt: Float64Array;
  readonly amountSeconds: Float64Array;
  readonly endAt: Float64Array;
}

/** `minuteAligned` for dayjs-business-time, which works in whole minutes. */
function makeInputs(count: number, seed: number, minuteAligned = false, from = fromAt, to = toAt): Inputs {
  const next = random(seed);
  const step = minuteAligned ? 60 : 1;
  const startAt = new Float64Array(count);
  const amountSeconds = new Float64Array(count);
  const endAt = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    startAt[i] = from + Math.floor((next() * (to - from)) / step) * step;
    amountSeconds[i] = Math.floor((next() * twoWeeksOpen) / step) * step;
    endAt[i] = startAt[i]! + Math.floor((next() * 21 * 86400) / step) * step;
  }
  return { startAt, amountSeconds, endAt };
}

let sink = 0;

/**
 * Ops/s by wall clock (the shared helper) and by this process's CPU time: on this shared
 * 2-core machine other work steals the core, so the CPU-time figure is the one-core speed.
 */
function measureBoth(fn: () => void, opsPerCall: number, minMs: number): { wall: number; cpu: number } {
  let calls = 0;
  const counted = (): void => {
    fn();
    calls++;
  };
  const cpuBefore = process.cpuUsage();
  const wall = measureOpsPerSecond(counted, opsPerCall, minMs);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (calls * opsPerCall) / ((cpu.user + cpu.system) / 1e6) };
}

interface EngineFigures {
  readonly add: number;
  readonly between: number;
  readonly addWall: number;
  readonly betweenWall: number;
}

function measureEngine(calendar: BusinessCalendar, inputs: Inputs): EngineFigures {
  const { startAt, amountSeconds, endAt } = inputs;
  const n = startAt.length;
  // Sums stay in locals: writing a module-level number each call would allocate a heap number.
  const add = (): void => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += calendar.addOpenSeconds(startAt[i]!, amountSeconds[i]!);
    sink += sum;
  };
  const between = (): void => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += calendar.openSecondsBetween(startAt[i]!, endAt[i]!);
    sink += sum;
  };
  add(); // warm-up: builds the years and lets the JIT settle
  between();
  const addFigures = measureBoth(add, n, 2000);
  const betweenFigures = measureBoth(between, n, 2000);
  return { add: addFigures.cpu, between: betweenFigures.cpu, addWall: addFigures.wall, betweenWall: betweenFigures.wall };
}

function measureDateApi(calendar: BusinessCalendar, inputs: Inputs, count: number, asString: boolean): { add: number; between: number } {
  const toInput = (t: number): Date | string => (asString ? formatInstantUtc(t) : new Date(t * 1000));
  const starts = Array.from(inputs.startAt.subarray(0, count), toInput);
  const ends = Array.from(inputs.endAt.subarray(0, count), toInput);
  const amounts = inputs.amountSeconds;
  const add = (): void => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += addBusinessTime(calendar, starts[i]!, amounts[i]!).getTime();
    sink += sum;
  };
  const between = (): void => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += businessTimeBetween(calendar, starts[i]!, ends[i]!);
    sink += sum;
  };
  return { add: measureBoth(add, count, 1500).cpu, between: measureBoth(between, count, 1500).cpu };
}

function measureOracle(spec: CalendarSpec, inputs: Inputs, count: number): { add: number; between: number } {
  const oracle = new CalendarOracle(spec);
  const timed = (fn: (i: number) => number): number => {
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < count; i++) sink += fn(i);
    const cpu = process.cpuUsage(cpuBefore);
    return count / ((cpu.user + cpu.system) / 1e6);
  };
  return {
    add: timed((i) => oracle.add(inputs.startAt[i]!, inputs.amountSeconds[i]!)),
    between: timed((i) => oracle.between(inputs.startAt[i]!, inputs.endAt[i]!)),
  };
}

type DayjsFactory = ((input: number) => DayjsBusiness) & { setBusinessTime(map: unknown): void; setHolidays(dates: string[]): void };
interface DayjsBusiness {
  addBusinessMinutes(minutes: number): { valueOf(): number };
  businessMinutesDiff(other: DayjsBusiness): number;
}

async function loadDayjs(): Promise<DayjsFactory> {
  const { default: dayjs } = await import('dayjs');
  const { default: businessTime } = await import('dayjs-business-time');
  dayjs.extend(businessTime);
  return dayjs as unknown as DayjsFactory;
}

const dayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** dayjs-business-time hours for our two calendars; the night shift split at midnight. */
function dayjsHours(kind: 'office' | 'nights'): Record<string, { start: string; end: string }[] | null> {
  const map: Record<string, { start: string; end: string }[] | null> = {};
  dayNames.forEach((name, d) => {
    const segments: { start: string; end: string }[] = [];
    if (kind === 'office' && d < 5) segments.push({ start: '08:00:00', end: '18:00:00' });
    if (kind === 'nights') segments.push({ start: '00:00:00', end: '06:00:00' }, { start: '22:00:00', end: '24:00:00' });
    map[name] = segments.length > 0 ? segments : null;
  });
  return map;
}

function usCaHolidayDates(): string[] {
  const region = parseHolidayRegion('US-CA');
  if (typeof region === 'string') throw new Error(region);
  const dates: string[] = [];
  for (let year = 2026; year <= 2031; year++) for (const day of publicHolidayDayNumbers(region, year)) dates.push(localDateOfDayNumber(day));
  return dates;
}

/**
 * Runs dayjs-business-time on `count` inputs: its speed and how often it disagrees with the
 * engine. A call that throws (its diff reads a null segment list on some inputs) counts as
 * a disagreement and is also counted on its own.
 */
function compareDayjs(dayjs: DayjsFactory, calendar: BusinessCalendar, inputs: Inputs, count: number): Record<string, number> {
  const attempt = (fn: () => number): number | undefined => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };
  let [addDisagree, betweenDisagree, addThrows, betweenThrows, addMs, betweenMs] = [0, 0, 0, 0, 0, 0];
  // CPU milliseconds of this process, like the engine's figures.
  const cpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  for (let i = 0; i < count; i++) {
    const start = inputs.startAt[i]!;
    const amount = inputs.amountSeconds[i]!;
    const end = inputs.endAt[i]!;
    let t = cpuMs();
    const due = attempt(() => dayjs(start * 1000).addBusinessMinutes(amount / 60).valueOf() / 1000);
    addMs += cpuMs() - t;
    if (due === undefined) addThrows++;
    if (due !== calendar.addOpenSeconds(start, amount)) addDisagree++;
    t = cpuMs();
    const minutes = attempt(() => dayjs(start * 1000).businessMinutesDiff(dayjs(end * 1000)));
    betweenMs += cpuMs() - t;
    if (minutes === undefined) betweenThrows++;
    if (minutes === undefined || minutes * 60 !== calendar.openSecondsBetween(start, end)) betweenDisagree++;
  }
  return {
    addOpsPerSec: count / (addMs / 1000),
    betweenOpsPerSec: count / (betweenMs / 1000),
    addDisagreeShare: addDisagree / count,
    betweenDisagreeShare: betweenDisagree / count,
    addThrowShare: addThrows / count,
    betweenThrowShare: betweenThrows / count,
  };
}

/** Heap growth and GC count over `calls` numeric calls after a forced collection. */
async function measureAllocation(calendar: BusinessCalendar, inputs: Inputs, calls: number): Promise<{ heapGrowthBytes: number; gcEvents: number }> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  let gcEvents = 0;
  const observer = new PerformanceObserver((list) => {
    gcEvents += list.getEntries().length;
  });
  const { startAt, amountSeconds, endAt } = inputs;
  const n = startAt.length;
  const loop = (count: number): number => {
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const i = k % n;
      sum += calendar.addOpenSeconds(startAt[i]!, amountSeconds[i]!);
      sum += calendar.openSecondsBetween(startAt[i]!, endAt[i]!);
    }
    return sum;
  };
  // Warm up first: the interpreter boxes numbers; only the optimised loop shows the engine's own allocation.
  let sum = loop(2_000_000) + loop(2_000_000);
  gc();
  const before = process.memoryUsage().heapUsed;
  observer.observe({ entryTypes: ['gc'] });
  sum += loop(calls / 2);
  const after = process.memoryUsage().heapUsed;
  sink += sum;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { heapGrowthBytes: after - before, gcEvents };
}

export async function run(): Promise<{ pass: boolean }> {
  const calendar = createCalendar(office);
  const inputs = makeInputs(inputCount, 2027);
  const engine = measureEngine(calendar, inputs);
  const dateApi = measureDateApi(calendar, inputs, 200_000, false);
  const stringApi = measureDateApi(calendar, inputs, 20_000, true);
  const oracle = measureOracle(office, inputs, 60);
  const allocation = await measureAllocation(calendar, inputs, 20_000_000);

  const previousZone = process.env['TZ'];
  process.env['TZ'] = 'America/Los_Angeles';
  const dayjs = await loadDayjs();
  dayjs.setHolidays(usCaHolidayDates());
  const closingTime = (spec: CalendarSpec): BusinessCalendar => createCalendar({ ...spec, dueAtClosingTime: 'closing-time' });
  dayjs.setBusinessTime(dayjsHours('office'));
  const dayjsOffice = compareDayjs(dayjs, closingTime(office), makeInputs(5000, 7, true), 5000);
  // DST weeks: starts in the seven days after each change of 2027 and 2028.
  const dstWeeks = [Date.UTC(2027, 2, 14, 10), Date.UTC(2027, 10, 7, 9), Date.UTC(2028, 2, 12, 10), Date.UTC(2028, 10, 5, 9)].map((ms) => ms / 1000 - 86400);
  const dstInputs = dstWeeks.map((at, k) => makeInputs(500, 11 + k, true, at, at + 7 * 86400));
  const dstResults = dstInputs.map((week) => compareDayjs(dayjs, closingTime(office), week, 500));
  dayjs.setBusinessTime(dayjsHours('nights'));
  const dayjsNights = compareDayjs(dayjs, closingTime(nights), makeInputs(3000, 13, true), 3000);
  const dstNights = dstInputs.map((week) => compareDayjs(dayjs, closingTime(nights), week, 500));
  // The usual server setting: the process runs in UTC, so the library reads the hours as UTC.
  process.env['TZ'] = 'UTC';
  dayjs.setBusinessTime(dayjsHours('office'));
  const dayjsOfficeUtc = compareDayjs(dayjs, closingTime(office), makeInputs(2000, 17, true), 2000);
  if (previousZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = previousZone;

  const mean = (rows: Record<string, number>[], key: string): number => rows.reduce((s, r) => s + r[key]!, 0) / rows.length;
  const times = (x: number): string => (x >= 1000 ? `${x.toExponential(1)}x` : `${x.toFixed(1)}x`);
  const faster = (row: { add: number; between: number }): string => `${times(engine.add / row.add)} / ${times(engine.between / row.between)}`;
  const dayjsRow = { add: dayjsOffice['addOpsPerSec']!, between: dayjsOffice['betweenOpsPerSec']! };
  const column = 'engine is faster by (add / between)';
  printTable('calendar: operations per second of CPU time, one core (LA mon-fri 08:00-18:00, US-CA holidays)', {
    'engine, numeric': { add: engine.add, between: engine.between, [column]: faster(engine) },
    'engine, numeric (wall clock)': { add: engine.addWall, between: engine.betweenWall, [column]: faster({ add: engine.addWall, between: engine.betweenWall }) },
    'engine, Date API (200,000)': { ...dateApi, [column]: faster(dateApi) },
    'engine, ISO-string API (20,000)': { ...stringApi, [column]: faster(stringApi) },
    'oracle (60)': { ...oracle, [column]: faster(oracle) },
    'dayjs-business-time (5,000)': { ...dayjsRow, [column]: faster(dayjsRow) },
  });
  const percent = (x: number): string => `${(x * 100).toFixed(2)}%`;
  printTable('dayjs-business-time: share of inputs where it disagrees with the engine (whole-minute inputs, closing-time)', {
    'office, 2027-2029': { add: percent(dayjsOffice['addDisagreeShare']!), between: percent(dayjsOffice['betweenDisagreeShare']!) },
    'office, DST weeks': { add: percent(mean(dstResults, 'addDisagreeShare')), between: percent(mean(dstResults, 'betweenDisagreeShare')) },
    'night shift 22:00-06:00, 2027-2029': { add: percent(dayjsNights['addDisagreeShare']!), between: percent(dayjsNights['betweenDisagreeShare']!) },
    'night shift, DST weeks': { add: percent(mean(dstNights, 'addDisagreeShare')), between: percent(mean(dstNights, 'betweenDisagreeShare')) },
    'office, process zone UTC': { add: percent(dayjsOfficeUtc['addDisagreeShare']!), between: percent(dayjsOfficeUtc['betweenDisagreeShare']!) },
  });
  const throwShare = (rows: Record<string, number>[]): string => percent(mean(rows, 'betweenThrowShare'));
  console.log(`dayjs-business-time threw on ${throwShare([dayjsOffice, ...dstResults])} of office and ${throwShare([dayjsNights, ...dstNights])} of night-shift diffs (counted as disagreements).`);
  printTable('engine: allocation over 20,000,000 numeric calls (add + between)', {
    'engine, numeric': { 'heap growth (bytes)': allocation.heapGrowthBytes, 'GC events': allocation.gcEvents },
  });

  const pass = engine.add >= targetOpsPerSecond && engine.between >= targetOpsPerSecond;
  console.log(`\ntarget: >= ${targetOpsPerSecond.toLocaleString('en-US')} ops/s for add and between: ${pass ? 'met' : 'MISSED'}`);
  writeBenchResults('calendar', {
    inputs: { count: inputCount, startsFrom: '2027-01-01T00:00:00Z', startsTo: '2030-01-01T00:00:00Z', maxAmountSeconds: twoWeeksOpen, maxSpanSeconds: 21 * 86400 },
    calendar: office,
    measuredAs: 'operations per second of this process\'s CPU time (one core); wallClock alongside (lower when other work shares the 2 cores)',
    addOpsPerSec: Math.round(engine.add),
    betweenOpsPerSec: Math.round(engine.between),
    wallClock: { addOpsPerSec: Math.round(engine.addWall), betweenOpsPerSec: Math.round(engine.betweenWall) },
    targetOpsPerSec: targetOpsPerSecond,
    dateApi: { addOpsPerSec: Math.round(dateApi.add), betweenOpsPerSec: Math.round(dateApi.between), sample: 200_000 },
    isoStringApi: { addOpsPerSec: Math.round(stringApi.add), betweenOpsPerSec: Math.round(stringApi.between), sample: 20_000 },
    oracle: { addOpsPerSec: oracle.add, betweenOpsPerSec: oracle.between, sample: 60 },
    dayjsBusinessTime: {
      version: '1.0.4',
      configuration: 'process TZ=America/Los_Angeles (UTC for officeProcessZoneUtc), same hours (night shift split into 00:00-06:00 and 22:00-24:00), US-CA public holiday dates 2026-2031, whole-minute inputs, compared with the engine in closing-time mode',
      office: dayjsOffice,
      officeDstWeeks: { addDisagreeShare: mean(dstResults, 'addDisagreeShare'), betweenDisagreeShare: mean(dstResults, 'betweenDisagreeShare') },
      nightShift: dayjsNights,
      nightShiftDstWeeks: { addDisagreeShare: mean(dstNights, 'addDisagreeShare'), betweenDisagreeShare: mean(dstNights, 'betweenDisagreeShare') },
      officeProcessZoneUtc: dayjsOfficeUtc,
      nightShiftAsWritten: 'hours 22:00-06:00 given as one segment: addBusinessMinutes never returns',
    },
    allocation: { calls: 20_000_000, ...allocation },
    pass,
  });
  if (sink === 0.5) console.log(sink); // keeps the results observable
  return { pass };
}
