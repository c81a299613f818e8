/**
 * Recent samples of one value, thinned to one per `stepMs` and kept for `spanMs`, to read its growth
 * rate. Bounded: at most span/step + 1 samples.
 */
export class TrendWindow {
  private readonly at: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly spanMs: number,
    private readonly stepMs: number,
  ) {}

  add(at: number, value: number | null): void {
    if (value === null) {
      this.at.length = 0;
      this.values.length = 0;
      return;
    }
    const last = this.at.at(-1);
    if (last !== undefined && at - last < this.stepMs) return;
    this.at.push(at);
    this.values.push(value);
    while (this.at.length > 0 && at - this.at[0]! > this.spanMs) {
      this.at.shift();
      this.values.shift();
    }
  }

  /** Units per second over the window (least squares), or null with less than `minSpanMs` of samples. */
  slopePerSecond(minSpanMs: number): number | null {
    const n = this.at.length;
    if (n < 2 || this.at[n - 1]! - this.at[0]! < minSpanMs) return null;
    const t0 = this.at[0]!;
    let st = 0, sv = 0, stt = 0, stv = 0;
    for (let i = 0; i < n; i++) {
      const t = (this.at[i]! - t0) / 1000;
      const v = this.values[i]!;
      st += t; sv += v; stt += t * t; stv += t * v;
    }
    const denominator = n * stt - st * st;
    return denominator === 0 ? null : (n * stv - st * sv) / denominator;
  }
}
