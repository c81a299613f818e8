import type { LaunchOptions } from '../../shared/ipc/ipc-contract';
import type { IpcHandlers } from './ipc-router';
import type { SettingsService } from './settings/settings-service';

export interface IpcHandlerDependencies {
  launchOptions: LaunchOptions;
  settings: Pick<SettingsService, 'state' | 'save'>;
}

/** What main answers on each IPC channel; registered through registerIpcHandlers. */
export function createIpcHandlers({ launchOptions, settings }: IpcHandlerDependencies): IpcHandlers {
  return {
    'queueboard:get-launch-options': () => launchOptions,
    // App settings
    'queueboard:get-settings': () => settings.state(),
    'queueboard:save-settings': (patch) => settings.save(patch),
  };
}
