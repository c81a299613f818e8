import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { checkSetting, DEFAULT_SETTINGS } from '../../../shared/ipc/app-settings';
import type { AppSettings, AppSettingsPatch, SaveSettingsResult, SettingsState } from '../../../shared/ipc/ipc-contract';
import { amsterdam, lisbon } from '../../../tests/support/renderer-fixtures';
import type { AppSettingsBridge } from './app-settings-bridge';
import { AppSettingsPane } from './AppSettingsPane';

const stored: AppSettings = { ...DEFAULT_SETTINGS, gatewayUrl: 'https://gw.example:4310', token: 'display-secret', officeId: 'lisbon', mode: 'wall', display: 1 };
const groups = [{ id: 'partners', name: 'Partners', queueIds: ['lis-email'] }];

/** Main as the preload exposes it: validates each field with the shared rules and saves all or nothing. */
function fakeMain(state: Partial<SettingsState> = {}, refuse: string[] = []) {
  let current: SettingsState = { settings: stored, commandLine: {}, notices: [], tokenEncrypted: true, ...state };
  const saves: AppSettingsPatch[] = [];
  const bridge: AppSettingsBridge = {
    getSettings: vi.fn(async () => current),
    saveSettings: vi.fn(async (patch: AppSettingsPatch): Promise<SaveSettingsResult> => {
      saves.push(patch);
      const issues = [...refuse, ...Object.entries(patch).flatMap(([name, value]) => {
        const checked = checkSetting(name, value);
        return checked.ok ? [] : [checked.issue];
      })];
      if (issues.length > 0) return { ok: false, issues };
      current = { ...current, settings: { ...current.settings, ...patch } };
      return { ok: true, state: current };
    }),
  };
  return { bridge, saves, current: () => current };
}

async function open(main: ReturnType<typeof fakeMain>) {
  render(<AppSettingsPane bridge={main.bridge} offices={[lisbon, amsterdam]} groups={groups} onClose={() => {}} />);
  await screen.findByLabelText('Gateway address');
}
const saveButton = () => screen.getByRole('button', { name: 'Save' });
const about = (setting: string) => document.querySelector(`[data-setting="${setting}"] .app-settings-about`)!.textContent;

describe('AppSettingsPane', () => {
  it('shows the stored settings, the notices, whether the token is encrypted and which flags override this run', async () => {
    const main = fakeMain({
      notices: ['settings.json was unreadable (line 3, column 11: Unexpected number); kept as settings.json.corrupt-1 and started on defaults'],
      commandLine: { officeId: 'amsterdam' },
      tokenEncrypted: false,
    });
    await open(main);
    expect((screen.getByLabelText('Gateway address') as HTMLInputElement).value).toBe('https://gw.example:4310');
    expect((screen.getByLabelText('Screen token') as HTMLInputElement).type).toBe('password');
    expect((screen.getByLabelText('Mode') as HTMLSelectElement).value).toBe('wall');
    expect((screen.getByLabelText('Office') as HTMLSelectElement).value).toBe('lisbon');
    expect((screen.getByLabelText('Display') as HTMLInputElement).value).toBe('1');
    expect(screen.getByTestId('settings-notice').textContent).toMatch(/^settings\.json was unreadable/);
    expect(about('token')).toContain('stored unencrypted in settings.json');
    expect(about('officeId')).toBe('This run uses --office=amsterdam from the command line; the saved value applies to runs without it.');
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('names a bad field as one types, with the rule main applies, and will not save it', async () => {
    await open(fakeMain());
    fireEvent.change(screen.getByLabelText('Gateway address'), { target: { value: 'gw.example:4310' } });
    expect(about('gatewayUrl')).toBe('gatewayUrl: must be an http:// or https:// URL such as http://127.0.0.1:4310');
    fireEvent.change(screen.getByLabelText('Display'), { target: { value: '16' } });
    expect(about('display')).toContain('display: must be a whole number from 0 (the primary display) to 15, or empty (the OS chooses)');
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('saves only what changed, says when it applies, and starts again from what main kept', async () => {
    const main = fakeMain();
    await open(main);
    fireEvent.change(screen.getByLabelText('Office'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Queue group'), { target: { value: 'partners' } });
    fireEvent.change(screen.getByLabelText('Display'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Start at login'), { target: { value: 'false' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByTestId('app-settings-outcome').textContent).toBe('Saved. The new settings apply when Queueboard next starts.'));
    expect(main.saves).toEqual([{ officeId: null, groupId: 'partners', display: null, startAtLogin: false }]);
    expect(main.current().settings).toMatchObject({ officeId: null, groupId: 'partners', display: null, startAtLogin: false, token: 'display-secret' });
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('shows main refusing a save on the field it names, and keeps the edit', async () => {
    const main = fakeMain({}, ['token: must be printable ASCII without spaces, at most 4096 characters']);
    await open(main);
    fireEvent.change(screen.getByLabelText('Screen token'), { target: { value: 'new-token' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByTestId('app-settings-outcome').textContent).toBe('Nothing was saved: a setting was refused.'));
    expect(about('token')).toContain('token: must be printable ASCII without spaces');
    expect((screen.getByLabelText('Screen token') as HTMLInputElement).value).toBe('new-token');
    expect(main.current().settings.token).toBe('display-secret');
  });

  it('discards edits, shows the token on request, and offers an office the gateway no longer has', async () => {
    const main = fakeMain({ settings: { ...stored, officeId: 'porto' } });
    await open(main);
    const office = screen.getByLabelText('Office') as HTMLSelectElement;
    expect(within(office).getByRole('option', { selected: true }).textContent).toBe('porto (not on the gateway now)');
    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'desk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect((screen.getByLabelText('Mode') as HTMLSelectElement).value).toBe('wall');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((screen.getByLabelText('Screen token') as HTMLInputElement).type).toBe('text');
  });

  it('says so when the settings cannot be read', async () => {
    const bridge: AppSettingsBridge = { getSettings: () => Promise.reject(new Error('IPC closed')), saveSettings: vi.fn() };
    render(<AppSettingsPane bridge={bridge} offices={[]} groups={[]} onClose={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe("The app's settings could not be read: Error: IPC closed");
  });
});
