import type { LaunchOptions } from '../../shared/ipc/ipc-contract';
import type { IpcHandlers } from './ipc-router';
import { createDeskIpcHandlers, type DeskIpcServices } from './desk/desk-ipc-handlers';

export interface IpcHandlerDependencies {
  launchOptions: LaunchOptions;
  /** Desk mode's services (issue 7); absent in wall mode, where the desk channels refuse. */
  desk?: DeskIpcServices | null;
}

/** What main answers on each IPC channel; registered through registerIpcHandlers. */
export function createIpcHandlers({ launchOptions, desk = null }: IpcHandlerDependencies): IpcHandlers {
  return {
    'queueboard:get-launch-options': () => launchOptions,
    // Desk mode (issue 7)
    ...createDeskIpcHandlers(desk),
  };
}
