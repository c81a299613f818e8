import { z } from 'zod';
import { MAX_PINS, PinSchema, type Pin, type PinsState, type SetPinnedRequest } from '../../../shared/ipc/desk-contract';
import type { Translator } from '../../../shared/i18n/translator';
import { inEnglish, JsonFile, type JsonFileSystem } from './json-file';

/** pins.json in the user data folder. Versioned, so a later shape can migrate instead of being discarded. */
export const PinsFileSchema = z.object({ version: z.literal(1), pins: z.array(PinSchema).max(MAX_PINS) });
export type PinsFile = z.infer<typeof PinsFileSchema>;

export interface PinStoreOptions {
  path: string;
  logError: (message: string) => void;
  fs?: JsonFileSystem;
  /** The app's language, for the notice the lead reads; English when not given. Logs stay English. */
  translator?: () => Translator;
}

/**
 * The lead's pinned queues and alerts. Every change is saved and announced to the listeners (which
 * push it to every window), so the desk window and the pin window always show the same pins.
 */
export class PinStore {
  private readonly file: JsonFile<PinsFile>;
  private state: PinsState = { pins: [], notice: null };
  private readonly listeners = new Set<(state: PinsState) => void>();

  constructor(private readonly options: PinStoreOptions) {
    this.file = new JsonFile({ path: options.path, schema: PinsFileSchema, fallback: { version: 1, pins: [] }, label: 'main.file.pins', fs: options.fs });
  }

  async load(): Promise<PinsState> {
    const { value, notice } = await this.file.load();
    if (notice) this.options.logError(inEnglish(notice));
    this.state = { pins: dedupe(value.pins), notice: notice && (this.options.translator ? this.options.translator().say(notice) : inEnglish(notice)) };
    return this.state;
  }

  get(): PinsState {
    return this.state;
  }

  pinnedQueueIds(): ReadonlySet<string> {
    return new Set(this.state.pins.filter((pin) => pin.kind === 'queue').map((pin) => pin.id));
  }

  /** Pins or unpins one item; the answer is the state after the change, saved to disk. */
  async setPinned({ kind, id, pinned }: SetPinnedRequest): Promise<PinsState> {
    const others = this.state.pins.filter((pin) => !(pin.kind === kind && pin.id === id));
    const isPinned = others.length < this.state.pins.length;
    if (pinned === isPinned) return this.state;
    if (pinned && others.length >= MAX_PINS) {
      throw new Error(`pinned: cannot pin more than ${MAX_PINS} items; unpin one first.`);
    }
    const pins = pinned ? [...others, { kind, id } as Pin] : others;
    // Any change supersedes the notice about an unreadable file: the lead has moved on from what was lost.
    this.state = { pins, notice: null };
    for (const listener of this.listeners) listener(this.state);
    try {
      await this.file.save({ version: 1, pins });
    } catch (error) {
      // The change holds for this session (every window already shows it); the lead must know it will not last.
      const done = pinned ? 'pinned' : 'unpinned';
      throw new Error(`${kind} ${id} is ${done} until the app quits, but could not be saved to ${this.options.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return this.state;
  }

  onChange(listener: (state: PinsState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function dedupe(pins: readonly Pin[]): Pin[] {
  const seen = new Set<string>();
  return pins.filter((pin) => {
    const key = `${pin.kind}:${pin.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
