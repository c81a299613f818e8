import type { LaunchOptions } from '../../shared/ipc/ipc-contract';
import type { IpcHandlers } from './ipc-router';

export interface IpcHandlerDependencies {
  launchOptions: LaunchOptions;
}

/** What main answers on each IPC channel; registered through registerIpcHandlers. */
export function createIpcHandlers({ launchOptions }: IpcHandlerDependencies): IpcHandlers {
  return {
    'queueboard:get-launch-options': () => launchOptions,
  };
}
