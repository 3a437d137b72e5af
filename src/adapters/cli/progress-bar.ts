import { formatSeconds } from './format-duration.js';

/** A one-line progress bar on a terminal: bytes done, rows/s and the time left. */
export class ProgressBar {
  private lastDraw = 0;
  private readonly startedMs: number;

  constructor(
    private readonly stream: { write(text: string): unknown; isTTY?: boolean },
    private readonly label: string,
    private readonly totalBytes: number,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.startedMs = nowMs();
  }

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(bytesDone: number, rows: number, force = false): void {
    if (!this.enabled) return;
    const now = this.nowMs();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const elapsed = Math.max(0.001, (now - this.startedMs) / 1000);
    const share = this.totalBytes > 0 ? Math.min(1, bytesDone / this.totalBytes) : 0;
    const width = 24;
    const filled = Math.round(share * width);
    const rate = rows / elapsed;
    const eta = share > 0.01 ? Math.max(0, Math.round(elapsed / share - elapsed)) : undefined;
    const line = `${this.label} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s  ETA ${eta === undefined ? '—' : formatSeconds(eta)}`;
    this.stream.write(`\r${line.padEnd(110)}`);
  }

  done(): void {
    if (this.enabled) this.stream.write(`\r${' '.repeat(110)}\r`);
  }
}
