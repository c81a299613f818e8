import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type LaunchOptions, type SettingsState } from '../../shared/ipc/ipc-contract';
import { createIpcHandlers, type IpcHandlerDependencies } from './ipc-handlers';
import { DEFAULT_SETTINGS } from './settings/settings-file';

const launchOptions: LaunchOptions = { gatewayUrl: 'https://gw.example', mode: 'desk', officeId: null, groupId: null, display: null };
const state: SettingsState = { settings: DEFAULT_SETTINGS, commandLine: {}, notices: ['a notice'], tokenEncrypted: true };

function handlers() {
  const saved: unknown[] = [];
  const settings: IpcHandlerDependencies['settings'] = {
    state: () => state,
    save: async (patch) => {
      saved.push(patch);
      return { ok: true, state };
    },
  };
  return { handlers: createIpcHandlers({ launchOptions, settings }), saved };
}

describe('createIpcHandlers', () => {
  it('has a handler for every channel of the contract and no other', () => {
    expect(Object.keys(handlers().handlers).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
  });

  it('get-launch-options answers with the options main was started with', async () => {
    expect(await handlers().handlers['queueboard:get-launch-options'](undefined)).toEqual(launchOptions);
  });

  it('get-settings answers with the settings state, notices included', async () => {
    expect(await handlers().handlers['queueboard:get-settings'](undefined)).toEqual(state);
  });

  it('save-settings hands the patch to the settings service and answers with its result', async () => {
    const { handlers: h, saved } = handlers();
    expect(await h['queueboard:save-settings']({ mode: 'wall' })).toEqual({ ok: true, state });
    expect(saved).toEqual([{ mode: 'wall' }]);
  });
});
