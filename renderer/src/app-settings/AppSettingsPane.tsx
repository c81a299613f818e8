import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AppSettingName, SettingsState } from '../../../shared/ipc/ipc-contract';
import type { Office, QueueGroup } from '../../../shared/model';
import { LANGUAGE_NAMES, LANGUAGE_ORDER } from '../i18n/i18n';
import { appLanguageSetting } from '../i18n/user-language';
import type { AppSettingsBridge } from './app-settings-bridge';
import { changedSettings, FLAG_OF, FORM_ORDER, formProblems, issuesByField, toForm, type FormSettingName, type SettingsForm } from './settings-form';
import { InsecureGatewayWarning, transportProblem } from './TransportSecurity';

export interface AppSettingsPaneProps {
  bridge: AppSettingsBridge;
  /** The gateway's offices and queue groups, offered as choices (any id can still be typed in the file). */
  offices: readonly Office[];
  groups: readonly QueueGroup[];
  onClose: () => void;
}

/** The language setting's choices: each language by its own name, as the desk's picker offers them. */
const LANGUAGE_TAGS = LANGUAGE_ORDER.map((language) => [appLanguageSetting(language), LANGUAGE_NAMES[language]] as const);

type Outcome = { kind: 'saved' } | { kind: 'refused'; issues: string[] } | { kind: 'failed'; message: string } | null;

/**
 * The app's own settings (issue 5): which gateway, the screen's token, wall or desk, office, group,
 * display, language, start at login. Main validates and writes them atomically; this pane checks each
 * field with the same rules as one types, saves only what changed, and says what applies when.
 */
export function AppSettingsPane({ bridge, offices, groups, onClose }: AppSettingsPaneProps) {
  const [state, setState] = useState<SettingsState | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [showToken, setShowToken] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { t } = useTranslation();

  useEffect(() => {
    let live = true;
    bridge.getSettings().then(
      (loaded) => {
        if (!live) return;
        setState(loaded);
        setForm(toForm(loaded.settings));
      },
      (error: unknown) => live && setLoadProblem(t('appSettings.readFailed', { reason: String(error) })),
    );
    return () => {
      live = false;
    };
  }, [bridge, t]);

  if (loadProblem) return <Frame onClose={onClose}><p className="desk-banner desk-banner-warning" role="alert">{loadProblem}</p></Frame>;
  if (!state || !form) return <Frame onClose={onClose}><p className="desk-hint">{t('appSettings.reading')}</p></Frame>;

  const saved = toForm(state.settings);
  const problems = { ...formProblems(form), ...transportProblem(t, form.gatewayUrl, state.settings.allowInsecure) };
  const patch = changedSettings(saved, form);
  const dirty = Object.keys(patch).length > 0;
  const refused = outcome?.kind === 'refused' ? issuesByField(outcome.issues) : { byField: {}, other: [] };
  const set = (name: FormSettingName, value: string) => {
    setForm({ ...form, [name]: value });
    setOutcome(null);
  };

  const save = async () => {
    setSaving(true);
    try {
      const result = await bridge.saveSettings(patch);
      if (result.ok) {
        setState(result.state);
        setForm(toForm(result.state.settings));
        setOutcome({ kind: 'saved' });
      } else {
        setOutcome({ kind: 'refused', issues: result.issues });
      }
    } catch (error) {
      setOutcome({ kind: 'failed', message: t('appSettings.failed', { reason: String(error) }) });
    } finally {
      setSaving(false);
    }
  };

  const field = (name: FormSettingName, control: (id: string, describedBy: string) => ReactNode, hint?: ReactNode) => (
    <Field
      key={name}
      name={name}
      problem={refused.byField[name] ?? problems[name] ?? null}
      override={overrideText(name, state, t)}
      hint={hint}
      control={control}
    />
  );
  const choices = (current: string, known: ReadonlyArray<{ id: string; name: string }>, none: string) => [
    <option key="" value="">{none}</option>,
    ...known.map((k) => <option key={k.id} value={k.id}>{t('appSettings.choice', { name: k.name, id: k.id })}</option>),
    ...(current !== '' && !known.some((k) => k.id === current) ? [<option key={current} value={current}>{t('appSettings.notOnGateway', { id: current })}</option>] : []),
  ];

  // Each setting's control, in the order of the form (FORM_ORDER); `d` names the line that describes it.
  const controls: Record<FormSettingName, (id: string, d: string) => ReactNode> = {
    gatewayUrl: (id, d) => <input id={id} aria-describedby={d} type="url" value={form.gatewayUrl} onChange={(e) => set('gatewayUrl', e.target.value)} />,
    token: (id, d) => (
      <span className="app-settings-inline">
        <input id={id} aria-describedby={d} type={showToken ? 'text' : 'password'} autoComplete="off" spellCheck={false} value={form.token} placeholder={t('appSettings.tokenNone')} onChange={(e) => set('token', e.target.value)} />
        <button type="button" className="action-button" aria-pressed={showToken} onClick={() => setShowToken(!showToken)}>
          {t(showToken ? 'appSettings.hide' : 'appSettings.show')}
        </button>
      </span>
    ),
    mode: (id, d) => (
      <select id={id} aria-describedby={d} value={form.mode} onChange={(e) => set('mode', e.target.value)}>
        <option value="desk">{t('appSettings.modeDesk')}</option>
        <option value="wall">{t('appSettings.modeWall')}</option>
      </select>
    ),
    officeId: (id, d) => (
      <select id={id} aria-describedby={d} value={form.officeId} onChange={(e) => set('officeId', e.target.value)}>
        {choices(form.officeId, offices, t('appSettings.everyOffice'))}
      </select>
    ),
    groupId: (id, d) => (
      <select id={id} aria-describedby={d} value={form.groupId} onChange={(e) => set('groupId', e.target.value)}>
        {choices(form.groupId, groups, t('appSettings.everyQueue'))}
      </select>
    ),
    display: (id, d) => <input id={id} aria-describedby={d} inputMode="numeric" value={form.display} placeholder={t('appSettings.displayPlaceholder')} onChange={(e) => set('display', e.target.value)} />,
    language: (id, d) => (
      <select id={id} aria-describedby={d} value={form.language} onChange={(e) => set('language', e.target.value)}>
        <option value="">{t('appSettings.officeLanguage')}</option>
        {LANGUAGE_TAGS.map(([tag, name]) => <option key={tag} value={tag}>{name}</option>)}
        {form.language !== '' && !LANGUAGE_TAGS.some(([tag]) => tag === form.language) && <option value={form.language}>{form.language}</option>}
      </select>
    ),
    startAtLogin: (id, d) => (
      <select id={id} aria-describedby={d} value={form.startAtLogin} onChange={(e) => set('startAtLogin', e.target.value)}>
        <option value="">{t('appSettings.startWallOnly')}</option>
        <option value="true">{t('appSettings.startAlways')}</option>
        <option value="false">{t('appSettings.startNever')}</option>
      </select>
    ),
  };
  const hints: Partial<Record<FormSettingName, string>> = {
    token: t(state.tokenEncrypted ? 'appSettings.tokenEncrypted' : 'appSettings.tokenPlain'),
    display: t('appSettings.displayHint'),
  };

  return (
    <Frame onClose={onClose}>
      {state.notices.map((notice) => (
        <p key={notice} className="desk-banner desk-banner-warning" role="alert" data-testid="settings-notice">{notice}</p>
      ))}
      <InsecureGatewayWarning gatewayUrl={form.gatewayUrl} allowInsecure={state.settings.allowInsecure} />
      <form
        className="app-settings-form"
        aria-label={t('appSettings.title')}
        onSubmit={(e) => {
          e.preventDefault();
          if (dirty && Object.keys(problems).length === 0) void save();
        }}
      >
        {FORM_ORDER.map((name) => field(name, controls[name], hints[name]))}
        <div className="app-settings-actions">
          <button type="submit" className="action-button action-primary" disabled={!dirty || saving || Object.keys(problems).length > 0}>
            {t(saving ? 'appSettings.saving' : 'appSettings.save')}
          </button>
          <button type="button" className="action-button" disabled={!dirty || saving} onClick={() => { setForm(saved); setOutcome(null); }}>
            {t('appSettings.discard')}
          </button>
          <Outcome outcome={outcome} other={refused.other} />
        </div>
      </form>
    </Frame>
  );
}

function Frame({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="app-settings" aria-labelledby="app-settings-heading">
      <header className="app-settings-header">
        <h2 id="app-settings-heading">{t('appSettings.title')}</h2>
        <button type="button" className="action-button" onClick={onClose}>{t('appSettings.back')}</button>
      </header>
      <p className="desk-hint">{t('appSettings.intro')}</p>
      {children}
    </section>
  );
}

interface FieldProps {
  name: FormSettingName;
  problem: string | null;
  override: string | null;
  hint?: ReactNode;
  control: (id: string, describedBy: string) => ReactNode;
}

function Field({ name, problem, override, hint, control }: FieldProps) {
  const id = useId();
  const { t } = useTranslation();
  const describedBy = `${id}-about`;
  return (
    <div className={`app-settings-field${problem ? ' app-settings-field-bad' : ''}`} data-setting={name}>
      <label htmlFor={id}>{t(`appSettings.label.${name}`)}</label>
      {control(id, describedBy)}
      <div id={describedBy} className="app-settings-about">
        {problem && <span className="app-settings-problem" role="alert">{problem}</span>}
        {override && <span className="app-settings-override">{override}</span>}
        {hint && <span className="desk-hint">{hint}</span>}
      </div>
    </div>
  );
}

function Outcome({ outcome, other }: { outcome: Outcome; other: string[] }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const text =
    outcome.kind === 'saved' ? t('appSettings.saved') : outcome.kind === 'failed' ? outcome.message : [t('appSettings.refused'), ...other].join(' ');
  return (
    <span className={`alert-outcome ${outcome.kind === 'saved' ? 'alert-outcome-done' : 'alert-outcome-refused'}`} role="status" data-testid="app-settings-outcome">
      {text}
    </span>
  );
}

/** "This run uses --office=amsterdam from the command line", when a flag overrides the saved value. */
function overrideText(name: AppSettingName, state: SettingsState, t: TFunction): string | null {
  const flag = FLAG_OF[name];
  if (!flag || !(name in state.commandLine)) return null;
  const value = (state.commandLine as Record<string, unknown>)[name];
  return t('appSettings.override', { flag, value: value === null ? t('appSettings.overrideNone') : String(value) });
}
