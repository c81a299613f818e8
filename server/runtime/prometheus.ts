/**
 * A small Prometheus text-format registry: counters and gauges with labels, and histograms with fixed
 * buckets. Enough for /metrics without pulling a client library into the gateway.
 */
type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

const labelKey = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]!.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`)
    .join(',');
const series = (name: string, key: string, value: number) => `${name}${key ? `{${key}}` : ''} ${formatNumber(value)}`;

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  render(): string[] {
    return [...this.values].map(([key, value]) => series(this.name, key, value));
  }
}

/** A gauge whose values are read when /metrics is scraped, so it is never out of date. */
export class CollectedGauge {
  constructor(
    readonly name: string,
    private readonly collect: () => Array<[Labels, number]>,
  ) {}
  render(): string[] {
    return this.collect().map(([labels, value]) => series(this.name, labelKey(labels), value));
  }
}

export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    this.buckets.forEach((bound, i) => {
      if (value <= bound) this.counts[i]! += 1;
    });
  }
  get observations(): number {
    return this.count;
  }
  render(): string[] {
    return [
      ...this.buckets.map((bound, i) => series(`${this.name}_bucket`, `le="${bound}"`, this.counts[i]!)),
      series(`${this.name}_bucket`, 'le="+Inf"', this.count),
      series(`${this.name}_sum`, '', this.sum),
      series(`${this.name}_count`, '', this.count),
    ];
  }
}

export class MetricsRegistry {
  private readonly families: Family[] = [];

  counter(name: string, help: string): Counter {
    return this.add(new Counter(name), help, 'counter');
  }

  gauge(name: string, help: string, collect: () => Array<[Labels, number]>): CollectedGauge {
    return this.add(new CollectedGauge(name, collect), help, 'gauge');
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.add(new Histogram(name, buckets), help, 'histogram');
  }

  render(): string {
    const lines: string[] = [];
    for (const family of this.families) {
      lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`, ...family.render());
    }
    return `${lines.join('\n')}\n`;
  }

  private add<T extends { name: string; render(): string[] }>(metric: T, help: string, type: Family['type']): T {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(metric.name)) throw new Error(`Invalid metric name "${metric.name}"`);
    if (this.families.some((f) => f.name === metric.name)) throw new Error(`Metric "${metric.name}" is registered twice`);
    this.families.push({ name: metric.name, help, type, render: () => metric.render() });
    return metric;
  }
}
