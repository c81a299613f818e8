// Flags that run part of the saturation benchmark (bench/scale.ts), for profiling one configuration or
// repeating a few steps on a shared machine without the whole six minutes:
//   --scale-config=gateway,bare   only these configurations (gateway, bare, cluster, bare-cluster)
//   --scale-steps=1400,1600       these screen counts, each measured in turn, instead of the knee search
//   --scale-profile=DIR           a CPU profile of every server over each step's window, written to DIR
//   --scale-rounds=3              one gateway and bare socket.io measured in turn this many times (a shared
//                                 machine's load comes and goes: one run of each compares two moments, not two servers)

export const SCALE_CONFIGS = ['gateway', 'bare', 'cluster', 'bare-cluster'] as const;
export type ScaleConfig = (typeof SCALE_CONFIGS)[number];

export interface ScaleOptions {
  configs: readonly ScaleConfig[];
  /** Fixed steps, or null for the knee search of the mode's plan. */
  steps: readonly number[] | null;
  /** Where the servers' CPU profiles go, or null for none. */
  profileDir: string | null;
  /** How many times the single-server configurations are measured, in turn. */
  rounds: number;
}

const value = (flags: readonly string[], name: string): string | undefined => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);

/** The scale benchmark's own flags from the command line; an unusable one throws, naming the flag and the rule. */
export function parseScaleOptions(flags: readonly string[]): ScaleOptions {
  const configs = value(flags, 'scale-config')?.split(',') ?? [...SCALE_CONFIGS];
  const unknown = configs.filter((c) => !(SCALE_CONFIGS as readonly string[]).includes(c));
  if (unknown.length > 0 || configs.length === 0) throw new Error(`--scale-config: expected some of ${SCALE_CONFIGS.join(', ')} (comma-separated); got "${unknown.join(',')}"`);
  const stepsFlag = value(flags, 'scale-steps');
  const steps = stepsFlag === undefined ? null : stepsFlag.split(',').map(Number);
  if (steps && !steps.every((n) => Number.isInteger(n) && n >= 1 && n <= 20_000)) {
    throw new Error(`--scale-steps: expected whole numbers of screens from 1 to 20,000, comma-separated; got "${stepsFlag}"`);
  }
  const profileDir = value(flags, 'scale-profile') ?? null;
  if (profileDir === '') throw new Error('--scale-profile: expected a folder to write the CPU profiles to');
  const roundsFlag = value(flags, 'scale-rounds');
  const rounds = roundsFlag === undefined ? 1 : Number(roundsFlag);
  if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 20)) throw new Error(`--scale-rounds: expected a whole number from 1 to 20; got "${roundsFlag}"`);
  return { configs: configs as ScaleConfig[], steps, profileDir, rounds };
}
