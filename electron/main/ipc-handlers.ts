import type { LaunchOptions } from '../../shared/ipc/ipc-contract';
import { createDeskIpcHandlers, type DeskIpcServices } from './desk/desk-ipc-handlers';
import type { IpcHandlers } from './ipc-router';
import type { SettingsService } from './settings/settings-service';

export interface IpcHandlerDependencies {
  launchOptions: LaunchOptions;
  settings: Pick<SettingsService, 'state' | 'save'>;
  /** Desk mode's services (issue 7); absent in wall mode, where the desk channels refuse. */
  desk?: DeskIpcServices | null;
}

/** What main answers on each IPC channel; registered through registerIpcHandlers. */
export function createIpcHandlers({ launchOptions, settings, desk = null }: IpcHandlerDependencies): IpcHandlers {
  return {
    'queueboard:get-launch-options': () => launchOptions,
    // App settings
    'queueboard:get-settings': () => settings.state(),
    'queueboard:save-settings': (patch) => settings.save(patch),
    // Desk mode (issue 7)
    ...createDeskIpcHandlers(desk),
  };
}
