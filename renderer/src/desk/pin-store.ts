import { MAX_PINS, PinSchema, type Pin, type PinsState } from '../../../shared/ipc/desk-contract';
import type { DeskBridgeSeam } from './desk-bridge';
import { Listeners } from './listeners';

/** Where pins live: the browser's storage, or the app's pin file through the bridge. */
export interface PinStore {
  /** The same object until the pins change (for useSyncExternalStore). */
  get(): PinsState;
  set(pin: Pin, pinned: boolean): void;
  subscribe(listener: () => void): () => void;
}

export const PINS_STORAGE_KEY = 'queueboard.pins';
const EMPTY: PinsState = { pins: [], notice: null };

export const samePin = (a: Pin, b: Pin) => a.kind === b.kind && a.id === b.id;
export const isPinned = (state: PinsState, pin: Pin) => state.pins.some((p) => samePin(p, pin));

/** Only the pin's own fields: a caller may hand in a wider object (a queue row, an alert). */
const copyOf = (pin: Pin): Pin => (pin.kind === 'queue' ? { kind: 'queue', id: pin.id } : { kind: 'alert', id: pin.id });

function withPin(pins: readonly Pin[], pin: Pin, pinned: boolean): Pin[] {
  const rest = pins.filter((p) => !samePin(p, pin));
  return pinned ? [...rest, copyOf(pin)] : rest;
}

function parsePins(text: string | null): Pin[] | null {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return null;
    // A pin main would refuse (see the shared contract) is dropped; the others stay.
    return value.flatMap((p: unknown) => {
      const pin = PinSchema.safeParse(p);
      return pin.success ? [pin.data] : [];
    });
  } catch {
    return null;
  }
}

/**
 * Browser pins in localStorage, shared by every tab of this gateway (the `storage` event keeps a desk tab
 * and a pins tab in step). A store that cannot be written keeps the pins for this session and says so.
 */
export function createLocalPinStore(win: Pick<Window, 'localStorage' | 'addEventListener'>): PinStore {
  const listeners = new Listeners();
  const load = (): PinsState => {
    let text: string | null;
    try {
      text = win.localStorage.getItem(PINS_STORAGE_KEY);
    } catch {
      return { pins: [], notice: 'This browser does not let the page keep pins: they will last until the page is closed.' };
    }
    const pins = parsePins(text);
    return pins === null ? { pins: [], notice: 'The saved pins could not be read and were cleared.' } : { pins, notice: null };
  };
  let state = load();
  win.addEventListener('storage', (event: StorageEvent) => {
    if (event.key !== PINS_STORAGE_KEY) return;
    state = load();
    listeners.emit();
  });
  return {
    get: () => state,
    set(pin, pinned) {
      const pins = withPin(state.pins, pin, pinned).slice(-MAX_PINS);
      let notice: string | null = null;
      try {
        win.localStorage.setItem(PINS_STORAGE_KEY, JSON.stringify(pins));
      } catch {
        notice = 'This pin could not be saved: it will last until the page is closed.';
      }
      state = { pins, notice };
      listeners.emit();
    },
    subscribe: (listener) => listeners.add(listener),
  };
}

type PinBridge = Required<Pick<DeskBridgeSeam, 'getPins' | 'setPinned' | 'onPinsChanged'>>;

export function hasPinBridge(bridge: DeskBridgeSeam | null): bridge is PinBridge & DeskBridgeSeam {
  return !!bridge && typeof bridge.getPins === 'function' && typeof bridge.setPinned === 'function' && typeof bridge.onPinsChanged === 'function';
}

/** Pins kept by the app's main process, shared with the pin window; every change comes back as an event. */
export function createBridgePinStore(bridge: PinBridge): PinStore {
  const listeners = new Listeners();
  let state: PinsState = EMPTY;
  const accept = (next: PinsState) => {
    state = next;
    listeners.emit();
  };
  const fail = (error: unknown) =>
    accept({ pins: state.pins, notice: `The app could not keep the pins: ${error instanceof Error ? error.message : String(error)}` });
  bridge.onPinsChanged(accept);
  bridge.getPins().then(accept, fail);
  return {
    get: () => state,
    set(pin, pinned) {
      // Show the change at once; the app's answer (or its event) then has the last word.
      accept({ pins: withPin(state.pins, pin, pinned), notice: null });
      bridge.setPinned({ ...copyOf(pin), pinned }).then(accept, fail);
    },
    subscribe: (listener) => listeners.add(listener),
  };
}
