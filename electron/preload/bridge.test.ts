import { describe, expect, it } from 'vitest';
import type { IpcChannel, LaunchOptions } from '../../shared/ipc/ipc-contract';
import { createBridge, type Invoke } from './bridge';
import type { Subscribe } from './desk-bridge';

const noEvents: Subscribe = () => () => {};

const launchOptions: LaunchOptions = { gatewayUrl: 'http://127.0.0.1:4310', mode: 'wall', officeId: null, groupId: null, display: 0 };

function fakeInvoke(answer: () => Promise<unknown>) {
  const calls: Array<{ channel: IpcChannel; args: unknown[] }> = [];
  const invoke = ((channel: IpcChannel, ...args: unknown[]) => {
    calls.push({ channel, args });
    return answer();
  }) as Invoke;
  return { invoke, calls };
}

describe('createBridge', () => {
  it('getLaunchOptions invokes queueboard:get-launch-options with no payload and resolves with the answer', async () => {
    const { invoke, calls } = fakeInvoke(async () => launchOptions);
    const bridge = createBridge(invoke, noEvents);
    expect(await bridge.getLaunchOptions()).toEqual(launchOptions);
    expect(calls).toEqual([{ channel: 'queueboard:get-launch-options', args: [undefined] }]);
  });

  it('getSettings invokes queueboard:get-settings with no payload', async () => {
    const { invoke, calls } = fakeInvoke(async () => 'state');
    expect(await createBridge(invoke, noEvents).getSettings()).toBe('state');
    expect(calls).toEqual([{ channel: 'queueboard:get-settings', args: [undefined] }]);
  });

  it('saveSettings invokes queueboard:save-settings with the patch as its one argument', async () => {
    const { invoke, calls } = fakeInvoke(async () => ({ ok: false, issues: ['display: must be …'] }));
    expect(await createBridge(invoke, noEvents).saveSettings({ display: 2, startAtLogin: false })).toEqual({ ok: false, issues: ['display: must be …'] });
    expect(calls).toEqual([{ channel: 'queueboard:save-settings', args: [{ display: 2, startAtLogin: false }] }]);
  });

  it('passes main’s refusal on to the page', async () => {
    const { invoke } = fakeInvoke(async () => {
      throw new Error("Error invoking remote method 'queueboard:get-launch-options': refused");
    });
    await expect(createBridge(invoke, noEvents).getLaunchOptions()).rejects.toThrow(/refused/);
  });

  it('exposes exactly one function per verb and nothing that reaches ipcRenderer', () => {
    const { invoke, calls } = fakeInvoke(async () => launchOptions);
    const bridge = createBridge(invoke, noEvents);
    expect(Object.keys(bridge)).toEqual([
      'getLaunchOptions',
      'getSettings',
      'saveSettings',
      // Desk mode (issue 7)
      'getPins',
      'setPinned',
      'onPinsChanged',
      'notifyTransitions',
      'notifyBroadcast',
      'setTrayStatus',
      'showPinWindow',
      'hidePinWindow',
      'togglePinWindow',
      'onPinWindowChanged',
      'getNotificationSettings',
      'setNotificationSettings',
      'onFocusQueue',
    ]);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(bridge)).not.toContain(invoke);
    expect(calls).toEqual([]);
  });

  it('is frozen: no later code can add or replace a verb', () => {
    const bridge = createBridge(fakeInvoke(async () => launchOptions).invoke, noEvents);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => Object.assign(bridge, { getLaunchOptions: () => 'x' })).toThrow(TypeError);
  });
});
