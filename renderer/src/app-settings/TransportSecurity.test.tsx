import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/app-settings';
import type { AppSettings, SettingsState } from '../../../shared/ipc/ipc-contract';
import { en } from '../../../shared/i18n/en';
import { pt } from '../../../shared/i18n/pt';
import { createI18n, type Language } from '../i18n/i18n';
import type { AppSettingsBridge } from './app-settings-bridge';
import { AppSettingsPane } from './AppSettingsPane';

// Issue 15: the token travels in clear only to this machine, unless settings.json says allowInsecure.
// Found by data-setting rather than label, so the pane's own wording can change without this test.

function pane(settings: Partial<AppSettings>, language: Language = 'en') {
  const state: SettingsState = { settings: { ...DEFAULT_SETTINGS, ...settings }, commandLine: {}, notices: [], tokenEncrypted: true };
  const bridge: AppSettingsBridge = { getSettings: vi.fn(async () => state), saveSettings: vi.fn() };
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <AppSettingsPane bridge={bridge} offices={[]} groups={[]} onClose={() => {}} />
    </I18nextProvider>,
  );
  return bridge;
}
const gatewayInput = () =>
  waitFor(() => {
    const input = document.querySelector<HTMLInputElement>('[data-setting="gatewayUrl"] input');
    if (!input) throw new Error('the pane has not shown the settings yet');
    return input;
  });
const about = () => document.querySelector('[data-setting="gatewayUrl"] .app-settings-about')!.textContent;
const submit = () => document.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const warning = () => screen.queryByTestId('insecure-gateway-warning')?.textContent ?? null;

describe('the app settings pane and plain http:// (issue 15)', () => {
  it('refuses plain http:// to another host on the field, and will not save it', async () => {
    const bridge = pane({});
    fireEvent.change(await gatewayInput(), { target: { value: 'http://10.0.0.5:4310' } });
    expect(about()).toBe(en.appSettingsSecurity.insecureRefused);
    expect(submit().disabled).toBe(true);
    fireEvent.submit(submit().form!);
    expect(bridge.saveSettings).not.toHaveBeenCalled();
    expect(warning()).toBeNull();
  });

  it.each(['http://127.0.0.1:4400', 'http://localhost:4310', 'https://gw.example'])('lets %s through without a warning', async (url) => {
    pane({});
    fireEvent.change(await gatewayInput(), { target: { value: url } });
    expect(about()).toBe('');
    expect(submit().disabled).toBe(false);
    expect(warning()).toBeNull();
  });

  it('with allowInsecure on, accepts the address and warns that the token travels in clear to it', async () => {
    pane({ gatewayUrl: 'http://10.0.0.5:4310', allowInsecure: true });
    await gatewayInput();
    expect(about()).toBe('');
    expect(warning()).toBe(en.appSettingsSecurity.insecureInUse.replace('{{url}}', 'http://10.0.0.5:4310'));
    fireEvent.change(await gatewayInput(), { target: { value: 'https://gw.example' } });
    expect(warning()).toBe(en.appSettingsSecurity.insecureAllowed);
  });

  it('speaks the reader’s language', async () => {
    pane({ gatewayUrl: 'http://10.0.0.5:4310', allowInsecure: true }, 'pt');
    await gatewayInput();
    expect(warning()).toBe(pt.appSettingsSecurity.insecureInUse.replace('{{url}}', 'http://10.0.0.5:4310'));
    expect(warning()).toMatch(/sem cifra/);
  });
});
