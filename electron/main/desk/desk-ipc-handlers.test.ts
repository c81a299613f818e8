import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, type TrayStatus } from '../../../shared/ipc/desk-contract';
import type { LaunchOptions } from '../../../shared/ipc/ipc-contract';
import { createIpcHandlers } from '../ipc-handlers';
import { registerIpcHandlers, type IpcInvokeEvent } from '../ipc-router';
import type { DeskIpcServices } from './desk-ipc-handlers';
import { transition as deskTransition } from '../../../tests/support/desk-fixtures';

type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const APP_PAGE = 'app://queueboard/index.html#pins';
const launchOptions: LaunchOptions = { gatewayUrl: 'http://127.0.0.1:4310', mode: 'desk', officeId: null, groupId: null, display: null };

const transition = deskTransition({ at: 1_700_000_000_000 });
const trayStatus: TrayStatus = { worst: 'critical', counts: { ok: 3, warning: 1, critical: 2, stale: 0, 'no-data': 0 } };

/** Registers the real handlers through the real router, with recording desk services. */
function setUp(desk: boolean) {
  const calls: unknown[][] = [];
  const services: DeskIpcServices = {
    pins: {
      get: () => ({ pins: [], notice: null }),
      setPinned: async (request) => (calls.push(['setPinned', request]), { pins: [{ kind: request.kind, id: request.id } as never], notice: null }),
    },
    notifier: { notify: (transitions) => void calls.push(['notify', transitions]), notifyBroadcast: (notice) => void calls.push(['broadcast', notice]) },
    tray: { setStatus: (status) => void calls.push(['tray', status]) },
    pinWindow: { apply: (action) => (calls.push(['pinWindow', action]), { visible: action !== 'hide' }) },
    settings: { get: () => DEFAULT_NOTIFICATION_SETTINGS, set: async (settings) => (calls.push(['settings', settings]), settings) },
  };
  const listeners = new Map<string, Listener>();
  const errors: string[] = [];
  registerIpcHandlers(
    { handle: (channel, listener) => void listeners.set(channel, listener) },
    createIpcHandlers({ launchOptions, settings: { state: () => { throw new Error('not used here'); }, save: async () => { throw new Error('not used here'); } }, desk: desk ? services : null }),
    (m) => errors.push(m),
  );
  const invoke = (channel: string, request?: unknown) => listeners.get(channel)!({ senderFrame: { url: APP_PAGE } }, request);
  return { invoke, calls, errors };
}

describe('desk IPC handlers through the router', () => {
  it('pass valid requests to the desk services and answer with what they return', async () => {
    const { invoke, calls } = setUp(true);
    await expect(invoke('queueboard:get-pins')).resolves.toEqual({ pins: [], notice: null });
    await expect(invoke('queueboard:set-pinned', { kind: 'queue', id: 'lis-chat-pt', pinned: true })).resolves.toEqual({
      pins: [{ kind: 'queue', id: 'lis-chat-pt' }],
      notice: null,
    });
    await expect(invoke('queueboard:notify-transitions', [transition])).resolves.toBeUndefined();
    await expect(invoke('queueboard:notify-broadcast', { broadcastId: 'b1', severity: 'critical', text: 'Phones down' })).resolves.toBeUndefined();
    await expect(invoke('queueboard:set-tray-status', trayStatus)).resolves.toBeUndefined();
    await expect(invoke('queueboard:set-pin-window', { action: 'toggle' })).resolves.toEqual({ visible: true });
    await expect(invoke('queueboard:get-notification-settings')).resolves.toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    const quiet = { ...DEFAULT_NOTIFICATION_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '07:00', mode: 'suppress' } };
    await expect(invoke('queueboard:set-notification-settings', quiet)).resolves.toEqual(quiet);
    expect(calls.map(([name]) => name)).toEqual(['setPinned', 'notify', 'broadcast', 'tray', 'pinWindow', 'settings']);
  });

  it.each([
    ['queueboard:set-pinned', { kind: 'office', id: 'lisbon', pinned: true }, /the request is not valid: kind: /],
    ['queueboard:set-pinned', { kind: 'queue', id: 'Not A Slug', pinned: true }, /id: must be a lowercase slug/],
    ['queueboard:set-pinned', { kind: 'queue', id: 'lis-chat-pt' }, /pinned: is required/],
    ['queueboard:notify-transitions', [transition, { ...transition, level: 'fatal' }], /\[1\]\.level: /],
    ['queueboard:notify-transitions', [{ ...transition, projectedMinutes: undefined }], /\[0\]\.projectedMinutes: is required/],
    ['queueboard:notify-transitions', transition, /\(root\): /],
    ['queueboard:notify-broadcast', { broadcastId: 'b1', severity: 'urgent', text: 'Phones down' }, /severity: /],
    ['queueboard:set-tray-status', { worst: 'purple', counts: trayStatus.counts }, /worst: /],
    ['queueboard:set-tray-status', { worst: 'ok', counts: { ...trayStatus.counts, critical: -1 } }, /counts\.critical: /],
    ['queueboard:set-pin-window', { action: 'maximise' }, /action: /],
    [
      'queueboard:set-notification-settings',
      { ...DEFAULT_NOTIFICATION_SETTINGS, quietHours: { ...DEFAULT_NOTIFICATION_SETTINGS.quietHours, start: '25:00' } },
      /quietHours\.start: must be a time of day written HH:MM/,
    ],
  ])('%s refuses %j, naming the field', async (channel, request, expected) => {
    const { invoke, calls, errors } = setUp(true);
    await expect(invoke(channel, request)).rejects.toThrow(expected);
    expect(calls).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('in wall mode every desk channel refuses, saying why', async () => {
    const { invoke } = setUp(false);
    await expect(invoke('queueboard:get-pins')).rejects.toThrow(
      'queueboard:get-pins: the handler failed: only available in desk mode; this app was started with --mode=wall.',
    );
    await expect(invoke('queueboard:set-tray-status', trayStatus)).rejects.toThrow(/only available in desk mode/);
    await expect(invoke('queueboard:get-launch-options')).resolves.toEqual(launchOptions);
  });
});
