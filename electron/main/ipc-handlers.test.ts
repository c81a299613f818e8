import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type LaunchOptions } from '../../shared/ipc/ipc-contract';
import { createIpcHandlers } from './ipc-handlers';

describe('createIpcHandlers', () => {
  const launchOptions: LaunchOptions = { gatewayUrl: 'https://gw.example', mode: 'desk', officeId: null, display: null };

  it('has a handler for every channel of the contract and no other', () => {
    expect(Object.keys(createIpcHandlers({ launchOptions })).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
  });

  it('get-launch-options answers with the options main was started with', async () => {
    const handlers = createIpcHandlers({ launchOptions });
    expect(await handlers['queueboard:get-launch-options'](undefined)).toEqual(launchOptions);
  });
});
