import { beforeEach, describe, expect, it } from 'vitest';
import type { PinsState } from '../../../shared/ipc/desk-contract';
import { createBridgePinStore, createLocalPinStore, hasPinBridge, PINS_STORAGE_KEY } from './pin-store';

beforeEach(() => window.localStorage.clear());

describe('local pin store', () => {
  it('keeps pins across a restart (a new store on the same storage) and removes them', () => {
    const first = createLocalPinStore(window);
    let changes = 0;
    first.subscribe(() => changes++);
    first.set({ kind: 'queue', id: 'lis-chat' }, true);
    first.set({ kind: 'alert', id: 'alert-7' }, true);
    first.set({ kind: 'queue', id: 'lis-chat' }, true); // twice is once
    expect(changes).toBe(3);
    const restarted = createLocalPinStore(window);
    expect(restarted.get().pins).toEqual([{ kind: 'alert', id: 'alert-7' }, { kind: 'queue', id: 'lis-chat' }]);
    restarted.set({ kind: 'alert', id: 'alert-7' }, false);
    expect(createLocalPinStore(window).get().pins).toEqual([{ kind: 'queue', id: 'lis-chat' }]);
  });

  it('gives the same object until something changes', () => {
    const store = createLocalPinStore(window);
    expect(store.get()).toBe(store.get());
  });

  it('says so when the saved pins cannot be read, and starts empty', () => {
    window.localStorage.setItem(PINS_STORAGE_KEY, '{broken');
    expect(createLocalPinStore(window).get()).toEqual({ pins: [], notice: 'The saved pins could not be read and were cleared.' });
  });

  it('keeps only pins the shared contract accepts (the app would refuse the others)', () => {
    const saved = [{ kind: 'queue', id: 'lis-chat' }, { kind: 'queue', id: 'Lis Chat!' }, { kind: 'alert', id: 'x'.repeat(129) }, { kind: 'office', id: 'lisbon' }];
    window.localStorage.setItem(PINS_STORAGE_KEY, JSON.stringify(saved));
    expect(createLocalPinStore(window).get()).toEqual({ pins: [{ kind: 'queue', id: 'lis-chat' }], notice: null });
  });

  it('follows pins changed in another tab', () => {
    const store = createLocalPinStore(window);
    let changes = 0;
    store.subscribe(() => changes++);
    window.localStorage.setItem(PINS_STORAGE_KEY, JSON.stringify([{ kind: 'queue', id: 'ams-phone' }]));
    window.dispatchEvent(new StorageEvent('storage', { key: PINS_STORAGE_KEY }));
    expect(changes).toBe(1);
    expect(store.get().pins).toEqual([{ kind: 'queue', id: 'ams-phone' }]);
  });
});

describe('bridge pin store', () => {
  function fakeBridge() {
    let listener: ((state: PinsState) => void) | null = null;
    const requests: unknown[] = [];
    const bridge = {
      getPins: async (): Promise<PinsState> => ({ pins: [{ kind: 'queue', id: 'lis-chat' }], notice: null }),
      setPinned: async (request: { kind: 'queue' | 'alert'; id: string; pinned: boolean }): Promise<PinsState> => {
        requests.push(request);
        return { pins: request.pinned ? [{ kind: 'queue', id: 'lis-chat' }, { kind: request.kind, id: request.id }] : [], notice: null };
      },
      onPinsChanged: (l: (state: PinsState) => void) => {
        listener = l;
        return () => undefined;
      },
    };
    return { bridge, requests, push: (state: PinsState) => listener?.(state) };
  }

  it('is used only when the bridge has all three verbs', () => {
    expect(hasPinBridge(null)).toBe(false);
    expect(hasPinBridge({ getPins: fakeBridge().bridge.getPins })).toBe(false);
    expect(hasPinBridge(fakeBridge().bridge)).toBe(true);
  });

  it('loads the app’s pins, sends changes through the bridge and follows its events', async () => {
    const { bridge, requests, push } = fakeBridge();
    const store = createBridgePinStore(bridge);
    await Promise.resolve();
    expect(store.get().pins).toEqual([{ kind: 'queue', id: 'lis-chat' }]);
    store.set({ kind: 'alert', id: 'a1' }, true);
    expect(requests).toEqual([{ kind: 'alert', id: 'a1', pinned: true }]);
    await Promise.resolve();
    expect(store.get().pins).toHaveLength(2);
    push({ pins: [], notice: 'The saved pins could not be read.' });
    expect(store.get()).toEqual({ pins: [], notice: 'The saved pins could not be read.' });
  });
});
