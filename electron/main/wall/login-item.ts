import { join } from 'node:path';
import type { AppMode, AppSettings, LaunchOptions } from '../../../shared/ipc/ipc-contract';
import { LAUNCH_FLAGS } from '../launch-options';
import { writeFileAtomic, type AtomicWriteFs } from '../settings/atomic-write';

/** The part of Electron's app the login item uses. */
export interface LoginItemApp {
  readonly isPackaged: boolean;
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

export interface LoginItemOptions {
  app: LoginItemApp;
  platform: NodeJS.Platform;
  fs: AtomicWriteFs;
  /** Where XDG autostart entries live: $XDG_CONFIG_HOME/autostart, or ~/.config/autostart. */
  autostartDir: string;
  /** What to start: the AppImage itself (process.env.APPIMAGE), not its temporary mount, or process.execPath. */
  executable: string;
  /** The flags of this run, repeated at login (see launchArgs). */
  commandLine: Partial<LaunchOptions>;
  log: (message: string) => void;
}

/** Explicit setting, else on in wall mode only: a laptop should not open a wallboard at every login. */
export function wantsStartAtLogin(startAtLogin: AppSettings['startAtLogin'], mode: AppMode): boolean {
  return startAtLogin ?? mode === 'wall';
}

/** The flags of this run, so a wall set up with flags comes back the same way after a reboot. */
export function launchArgs(overrides: Partial<LaunchOptions>): string[] {
  return Object.entries(LAUNCH_FLAGS).flatMap(([flag, field]) => {
    const value = overrides[field];
    return value === undefined || value === null ? [] : [`${flag}=${value}`];
  });
}

export const AUTOSTART_FILE = 'queueboard.desktop';

export interface LoginItem {
  /** Makes the OS match the settings: registered when wanted, removed when not. Failures are logged, never thrown. */
  sync(settings: AppSettings): Promise<void>;
}

/**
 * Registers or removes the app as a login item where the OS allows: Electron's login items on macOS and
 * Windows, an XDG autostart entry on Linux. macOS login items take no arguments: there the app starts
 * with its stored settings.
 */
export function createLoginItem({ app, platform, fs, autostartDir, executable, commandLine, log }: LoginItemOptions): LoginItem {
  const desktopFile = join(autostartDir, AUTOSTART_FILE);
  const args = launchArgs(commandLine);

  async function apply(enabled: boolean): Promise<void> {
    if (platform === 'linux') {
      if (enabled) {
        await writeFileAtomic(fs, desktopFile, autostartEntry(executable, args), { platform, mode: 0o644 });
      } else {
        await fs.unlink(desktopFile).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      }
    } else if (platform === 'win32') {
      app.setLoginItemSettings({ openAtLogin: enabled, path: executable, args });
    } else {
      app.setLoginItemSettings({ openAtLogin: enabled });
    }
  }

  return {
    async sync(settings) {
      const enabled = wantsStartAtLogin(settings.startAtLogin, commandLine.mode ?? settings.mode);
      if (!app.isPackaged) {
        // A development run would register the bare Electron binary, which opens its default app at login.
        if (enabled) log('Start at login is set up by the installed app only; this development run leaves it alone.');
        return;
      }
      try {
        await apply(enabled);
      } catch (error) {
        log(`Could not ${enabled ? 'set up' : 'remove'} start at login: ${(error as Error).message}`);
      }
    },
  };
}

/** An XDG Desktop Entry that starts the app at login (freedesktop.org Desktop Application Autostart). */
export function autostartEntry(executable: string, args: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Queueboard',
    'Comment=Real-time queue-health wallboard',
    `Exec=${[executable, ...args].map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Quotes one argument of an Exec line: reserved characters need double quotes, with `"`, `` ` ``, `$`
 * and `\` escaped inside them; then the string escape doubles every backslash, and `%` (field codes)
 * is written `%%`.
 */
export function execArgument(arg: string): string {
  const quoted = /^[A-Za-z0-9_/.:=,+@-]+$/.test(arg) ? arg : `"${arg.replace(/["`$\\]/g, '\\$&')}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}
