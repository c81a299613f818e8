import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PINS, type PinsState } from '../../../shared/ipc/desk-contract';
import { createTranslator } from '../../../shared/i18n/translator';
import { PinStore } from './pin-store';

let folder: string;
let path: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'queueboard-pins-'));
  path = join(folder, 'pins.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function open() {
  const errors: string[] = [];
  const store = new PinStore({ path, logError: (m) => errors.push(m) });
  await store.load();
  return { store, errors };
}

describe('PinStore', () => {
  it('starts empty, pins and unpins, and keeps the pins across a restart', async () => {
    const { store } = await open();
    expect(store.get()).toEqual({ pins: [], notice: null });
    await store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true });
    await store.setPinned({ kind: 'alert', id: 'alert-42', pinned: true });
    await store.setPinned({ kind: 'queue', id: 'ams-email-nl', pinned: true });
    expect((await store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: false })).pins).toEqual([
      { kind: 'alert', id: 'alert-42' },
      { kind: 'queue', id: 'ams-email-nl' },
    ]);

    const { store: restarted } = await open();
    expect(restarted.get().pins).toEqual([
      { kind: 'alert', id: 'alert-42' },
      { kind: 'queue', id: 'ams-email-nl' },
    ]);
    expect(restarted.pinnedQueueIds()).toEqual(new Set(['ams-email-nl']));
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('tells listeners about each change, and only about changes', async () => {
    const { store } = await open();
    const seen: PinsState[] = [];
    const stop = store.onChange((state) => seen.push(state));
    await store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true });
    await store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true });
    await store.setPinned({ kind: 'alert', id: 'nope', pinned: false });
    expect(seen).toEqual([{ pins: [{ kind: 'queue', id: 'lis-chat-pt' }], notice: null }]);
    stop();
    await store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: false });
    expect(seen).toHaveLength(1);
  });

  it("says what happened to an unreadable file in the app's language; the log stays English", async () => {
    await writeFile(path, '{"version":1,"pi');
    const errors: string[] = [];
    const store = new PinStore({ path, logError: (m) => errors.push(m), translator: () => createTranslator('nl') });
    await store.load();
    expect(store.get().notice).toMatch(/^Het bestand met vastgezette wachtrijen kon niet worden gelezen \(.*pins\.json: het is geen JSON \(.*\)\); er wordt leeg begonnen\. Het is bewaard als pins\.json\.corrupt\.$/);
    expect(errors).toEqual([expect.stringMatching(/^The saved pins could not be read \(.*: it is not JSON /)]);
  });

  it('a corrupt file gives empty pins and a notice, never a crash; the next pin clears the notice', async () => {
    await writeFile(path, JSON.stringify({ version: 1, pins: [{ kind: 'office', id: 'lisbon' }] }));
    const { store, errors } = await open();
    expect(store.get().pins).toEqual([]);
    expect(store.get().notice).toMatch(/^The saved pins could not be read \(.*pins\.json: pins\[0\]\.kind: .*It was kept as pins\.json\.corrupt\.$/);
    expect(errors).toEqual([store.get().notice]);
    expect((await store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true })).notice).toBeNull();
  });

  it('drops duplicate pins a hand-edited file may hold', async () => {
    const pin = { kind: 'queue', id: 'lis-chat-pt' };
    await writeFile(path, JSON.stringify({ version: 1, pins: [pin, pin] }));
    expect((await open()).store.get().pins).toEqual([pin]);
  });

  it(`refuses a pin beyond ${MAX_PINS}, saying what to do`, async () => {
    const pins = Array.from({ length: MAX_PINS }, (_, i) => ({ kind: 'alert', id: `a${i}` }));
    await writeFile(path, JSON.stringify({ version: 1, pins }));
    const { store } = await open();
    await expect(store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true })).rejects.toThrow(
      `pinned: cannot pin more than ${MAX_PINS} items; unpin one first.`,
    );
    expect((await store.setPinned({ kind: 'alert', id: 'a0', pinned: false })).pins).toHaveLength(MAX_PINS - 1);
  });

  it('a pin that cannot be saved still holds for the session, and the error says so', async () => {
    const full = { ...nodeFs, open: async () => Promise.reject(new Error('ENOSPC: no space left on device')) } as typeof nodeFs;
    const store = new PinStore({ path, logError: () => {}, fs: full });
    await store.load();
    await expect(store.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true })).rejects.toThrow(
      `queue lis-chat-pt is pinned until the app quits, but could not be saved to ${path}: ENOSPC: no space left on device`,
    );
    expect(store.get().pins).toEqual([{ kind: 'queue', id: 'lis-chat-pt' }]);
  });
});
