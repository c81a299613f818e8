import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../shared/ipc/desk-contract';
import type { Invoke } from './bridge';
import { createDeskBridge, createSubscribe, type EventSource } from './desk-bridge';
import { transition as deskTransition } from '../../tests/support/desk-fixtures';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Records listeners as ipcRenderer would, and emits as main's webContents.send would. */
class FakeIpcRenderer implements EventSource {
  readonly listeners = new Map<string, Set<Listener>>();
  on(channel: string, listener: Listener) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)?.add(listener);
  }
  removeListener(channel: string, listener: Listener) {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, payload: unknown) {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer itself' }, payload);
  }
}

function setUp() {
  const calls: Array<[string, unknown]> = [];
  const invoke = (async (channel: string, request: unknown) => {
    calls.push([channel, request]);
    return { answer: channel };
  }) as Invoke;
  const ipc = new FakeIpcRenderer();
  return { bridge: createDeskBridge(invoke, createSubscribe(ipc)), calls, ipc };
}

const transition = deskTransition({ alertId: 'a1', at: 1 });

describe('createDeskBridge', () => {
  it('maps each verb to its channel and payload', async () => {
    const { bridge, calls } = setUp();
    await bridge.getPins();
    await bridge.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true });
    await bridge.notifyTransitions([transition]);
    await bridge.setTrayStatus({ worst: 'ok', counts: { ok: 1, warning: 0, critical: 0, stale: 0, 'no-data': 0 } });
    await bridge.showPinWindow();
    await bridge.hidePinWindow();
    expect(await bridge.togglePinWindow()).toEqual({ answer: 'queueboard:set-pin-window' });
    await bridge.getNotificationSettings();
    await bridge.setNotificationSettings(DEFAULT_NOTIFICATION_SETTINGS);
    expect(calls).toEqual([
      ['queueboard:get-pins', undefined],
      ['queueboard:set-pinned', { kind: 'queue', id: 'lis-chat-pt', pinned: true }],
      ['queueboard:notify-transitions', [transition]],
      ['queueboard:set-tray-status', { worst: 'ok', counts: { ok: 1, warning: 0, critical: 0, stale: 0, 'no-data': 0 } }],
      ['queueboard:set-pin-window', { action: 'show' }],
      ['queueboard:set-pin-window', { action: 'hide' }],
      ['queueboard:set-pin-window', { action: 'toggle' }],
      ['queueboard:get-notification-settings', undefined],
      ['queueboard:set-notification-settings', DEFAULT_NOTIFICATION_SETTINGS],
    ]);
  });

  it('event subscriptions pass the payload only (never the IPC event) and stop when unsubscribed', () => {
    const { bridge, ipc } = setUp();
    const received: unknown[][] = [];
    const stopPins = bridge.onPinsChanged((...args) => received.push(['pins', ...args]));
    const stopFocus = bridge.onFocusQueue((...args) => received.push(['focus', ...args]));
    const stopWindow = bridge.onPinWindowChanged((...args) => received.push(['window', ...args]));
    ipc.emit('queueboard:pins-changed', { pins: [], notice: null });
    ipc.emit('queueboard:focus-queue', { queueId: 'lis-chat-pt' });
    ipc.emit('queueboard:pin-window-changed', { visible: true });
    expect(received).toEqual([
      ['pins', { pins: [], notice: null }],
      ['focus', 'lis-chat-pt'],
      ['window', { visible: true }],
    ]);
    stopPins();
    stopFocus();
    stopWindow();
    expect([...ipc.listeners.values()].every((set) => set.size === 0)).toBe(true);
    ipc.emit('queueboard:focus-queue', { queueId: 'other' });
    expect(received).toHaveLength(3);
  });

  it('two subscribers to one event are independent', () => {
    const { bridge, ipc } = setUp();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = bridge.onFocusQueue((id) => a.push(id));
    bridge.onFocusQueue((id) => b.push(id));
    stopA();
    ipc.emit('queueboard:focus-queue', { queueId: 'q1' });
    expect([a, b]).toEqual([[], ['q1']]);
  });
});
