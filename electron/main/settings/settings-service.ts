import { basename } from 'node:path';
import type { AppSettings, LaunchOptions, SaveSettingsResult, SettingsState } from '../../../shared/ipc/ipc-contract';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import {
  checkSetting,
  crossSettingIssues,
  DEFAULT_SETTINGS,
  parseSettingsFile,
  serializeSettings,
  withoutToken,
  type StoredSettings,
} from './settings-file';
import type { TokenVault } from './token-vault';

export interface SettingsFs extends AtomicWriteFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

export interface SettingsServiceOptions {
  /** app.getPath('userData')/settings.json */
  filePath: string;
  fs: SettingsFs;
  platform: NodeJS.Platform;
  vault: TokenVault;
  /** The settings this run takes from command-line flags instead (see launch-options.ts). */
  commandLine: Partial<LaunchOptions>;
  now: () => number;
  log: (message: string) => void;
  /** Told after each successful save, e.g. to register or remove the login item. */
  onSaved?: (settings: AppSettings) => void;
}

export interface SettingsService {
  /** Reads settings.json once at start. Never throws: whatever is wrong becomes a notice and defaults. */
  load(): Promise<SettingsState>;
  state(): SettingsState;
  /** Validates every field of `patch` first; saves nothing unless all are good. */
  save(patch: unknown): Promise<SaveSettingsResult>;
}

export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const { filePath, fs, vault, commandLine, log } = options;
  const name = basename(filePath);
  let current: SettingsState = { settings: DEFAULT_SETTINGS, commandLine, notices: [], tokenEncrypted: false };
  // One write at a time, in the order asked: two quick saves must not race on the same file.
  let queue: Promise<unknown> = Promise.resolve();

  async function write(settings: AppSettings): Promise<void> {
    const stored: StoredSettings = { ...withoutToken(settings), token: await vault.seal(settings.token) };
    await writeFileAtomic(fs, filePath, serializeSettings(stored), { platform: options.platform });
  }

  /** The notices that stay true as long as the settings do: a token kept in clear. */
  async function protectionNotices(settings: AppSettings): Promise<{ tokenEncrypted: boolean; notices: string[] }> {
    const protection = await vault.protection();
    if (protection.encrypted) return { tokenEncrypted: true, notices: [] };
    const notices = settings.token === '' ? [] : [`The token is stored unencrypted in ${name}: ${protection.why}.`];
    return { tokenEncrypted: false, notices };
  }

  /** Moves a file we cannot use out of the way, so the next save does not destroy what a person may want back. */
  async function keepAside(): Promise<string> {
    const kept = `${filePath}.corrupt-${new Date(options.now()).toISOString().replace(/:/g, '-').replace(/\.\d{3}Z$/, 'Z')}`;
    try {
      await fs.rename(filePath, kept);
      return `the broken file was kept as ${basename(kept)}`;
    } catch (error) {
      return `the broken file could not be moved aside (${(error as Error).message})`;
    }
  }

  async function readStored(): Promise<{ stored: StoredSettings | null; notices: string[]; rewrite: boolean }> {
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { stored: null, notices: [], rewrite: false };
      return { stored: null, notices: [`${name} could not be read (${(error as Error).message}); defaults are in use.`], rewrite: false };
    }
    const parsed = parseSettingsFile(text);
    if (!parsed.readable) {
      return { stored: null, notices: [`${name} was unreadable (${parsed.reason}); defaults are in use and ${await keepAside()}.`], rewrite: false };
    }
    if (parsed.issues.length === 0) return { stored: parsed.stored, notices: [], rewrite: false };
    const notice = `${name} had values that are not allowed, so their defaults are in use: ${parsed.issues.join('; ')}; ${await keepAside()}.`;
    return { stored: parsed.stored, notices: [notice], rewrite: true };
  }

  async function openToken(stored: StoredSettings): Promise<{ token: string; notices: string[]; reseal: boolean }> {
    if (stored.token === null) return { token: '', notices: [], reseal: false };
    try {
      const { token, reseal } = await vault.open(stored.token);
      return { token, notices: [], reseal };
    } catch (error) {
      const notice = `The saved token could not be decrypted (${(error as Error).message}); enter it again in the settings.`;
      return { token: '', notices: [notice], reseal: false };
    }
  }

  async function load(): Promise<SettingsState> {
    const read = await readStored();
    let settings = DEFAULT_SETTINGS;
    const notices = [...read.notices];
    let rewrite = read.rewrite;
    if (read.stored) {
      const opened = await openToken(read.stored);
      settings = { ...read.stored, token: opened.token };
      notices.push(...opened.notices);
      rewrite ||= opened.reseal;
    }
    if (rewrite) {
      // The file now matches what is in use: repaired values, or a token under the current key.
      await write(settings).catch((error: Error) => notices.push(`${name} could not be rewritten (${error.message}).`));
    }
    const protection = await protectionNotices(settings);
    current = { settings, commandLine, notices: [...notices, ...protection.notices], tokenEncrypted: protection.tokenEncrypted };
    for (const notice of current.notices) log(notice);
    return current;
  }

  async function save(patch: unknown): Promise<SaveSettingsResult> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      return { ok: false, issues: ['(settings): must be an object of settings by name'] };
    }
    const changes: Partial<AppSettings> = {};
    const issues: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      const checked = checkSetting(field, value);
      if (checked.ok) Object.assign(changes, { [field]: checked.value });
      else issues.push(checked.issue);
    }
    if (issues.length > 0) return { ok: false, issues };
    const run = queue.then(async () => {
      const settings = { ...current.settings, ...changes };
      const across = crossSettingIssues(settings);
      if (across.length > 0) return { ok: false as const, issues: across };
      try {
        await write(settings);
      } catch (error) {
        throw new Error(`could not save ${filePath}: ${(error as Error).message}`, { cause: error });
      }
      // A successful save replaces whatever was wrong with the file it read at start.
      const protection = await protectionNotices(settings);
      current = { settings, commandLine, ...protection };
      options.onSaved?.(settings);
      return { ok: true as const, state: current };
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return { load, save, state: () => current };
}
