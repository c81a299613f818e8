import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettingName, SettingsState } from '../../../shared/ipc/ipc-contract';
import type { Office, QueueGroup } from '../../../shared/model';
import type { AppSettingsBridge } from './app-settings-bridge';
import { changedSettings, FLAG_OF, formProblems, issuesByField, toForm, type FormSettingName, type SettingsForm } from './settings-form';
import { InsecureGatewayWarning, transportProblem } from './TransportSecurity';

export interface AppSettingsPaneProps {
  bridge: AppSettingsBridge;
  /** The gateway's offices and queue groups, offered as choices (any id can still be typed in the file). */
  offices: readonly Office[];
  groups: readonly QueueGroup[];
  onClose: () => void;
}

const LABELS: Record<FormSettingName, string> = {
  gatewayUrl: 'Gateway address',
  token: 'Screen token',
  mode: 'Mode',
  officeId: 'Office',
  groupId: 'Queue group',
  display: 'Display',
  language: 'Language',
  startAtLogin: 'Start at login',
};

const LANGUAGES = [
  ['', "The office's language"],
  ['en', 'English'],
  ['pt-PT', 'Português'],
  ['nl-NL', 'Nederlands'],
] as const;

type Outcome = { kind: 'saved' } | { kind: 'refused'; issues: string[] } | { kind: 'failed'; message: string } | null;

/**
 * The app's own settings (issue 5): which gateway, the screen's token, wall or desk, office, group,
 * display, language, start at login. Main validates and writes them atomically; this pane checks each
 * field with the same rules as one types, saves only what changed, and says what applies when.
 */
export function AppSettingsPane({ bridge, offices, groups, onClose }: AppSettingsPaneProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<SettingsState | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [showToken, setShowToken] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    let live = true;
    bridge.getSettings().then(
      (loaded) => {
        if (!live) return;
        setState(loaded);
        setForm(toForm(loaded.settings));
      },
      (error: unknown) => live && setLoadProblem(`The app's settings could not be read: ${String(error)}`),
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  if (loadProblem) return <Frame onClose={onClose}><p className="desk-banner desk-banner-warning" role="alert">{loadProblem}</p></Frame>;
  if (!state || !form) return <Frame onClose={onClose}><p className="desk-hint">Reading the app's settings…</p></Frame>;

  const saved = toForm(state.settings);
  const problems = { ...formProblems(form), ...transportProblem(t, form.gatewayUrl, state.settings.allowInsecure) };
  const patch = changedSettings(saved, form);
  const dirty = Object.keys(patch).length > 0;
  const refused = outcome?.kind === 'refused' ? issuesByField(outcome.issues) : { byField: {}, other: [] };
  const set = (name: AppSettingName, value: string) => {
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
      setOutcome({ kind: 'failed', message: `Not saved: ${String(error)}` });
    } finally {
      setSaving(false);
    }
  };

  const field = (name: FormSettingName, control: (id: string, describedBy: string) => ReactNode, hint?: ReactNode) => (
    <Field
      name={name}
      problem={refused.byField[name] ?? problems[name] ?? null}
      override={overrideText(name, state)}
      hint={hint}
      control={control}
    />
  );
  const choices = (current: string, known: ReadonlyArray<{ id: string; name: string }>, none: string) => [
    <option key="" value="">{none}</option>,
    ...known.map((k) => <option key={k.id} value={k.id}>{k.name} ({k.id})</option>),
    ...(current !== '' && !known.some((k) => k.id === current) ? [<option key={current} value={current}>{current} (not on the gateway now)</option>] : []),
  ];

  return (
    <Frame onClose={onClose}>
      {state.notices.map((notice) => (
        <p key={notice} className="desk-banner desk-banner-warning" role="alert" data-testid="settings-notice">{notice}</p>
      ))}
      <InsecureGatewayWarning gatewayUrl={form.gatewayUrl} allowInsecure={state.settings.allowInsecure} />
      <form
        className="app-settings-form"
        aria-label="App settings"
        onSubmit={(e) => {
          e.preventDefault();
          if (dirty && Object.keys(problems).length === 0) void save();
        }}
      >
        {field('gatewayUrl', (id, d) => <input id={id} aria-describedby={d} type="url" value={form.gatewayUrl} onChange={(e) => set('gatewayUrl', e.target.value)} />)}
        {field(
          'token',
          (id, d) => (
            <span className="app-settings-inline">
              <input id={id} aria-describedby={d} type={showToken ? 'text' : 'password'} autoComplete="off" spellCheck={false} value={form.token} placeholder="none" onChange={(e) => set('token', e.target.value)} />
              <button type="button" className="action-button" aria-pressed={showToken} onClick={() => setShowToken(!showToken)}>
                {showToken ? 'Hide' : 'Show'}
              </button>
            </span>
          ),
          state.tokenEncrypted
            ? 'Kept encrypted with the system keyring.'
            : 'This computer has no keyring: the token is stored unencrypted in settings.json, readable by your user only.',
        )}
        {field('mode', (id, d) => (
          <select id={id} aria-describedby={d} value={form.mode} onChange={(e) => set('mode', e.target.value)}>
            <option value="desk">Desk: a window for a team lead</option>
            <option value="wall">Wall: full screen on a floor display</option>
          </select>
        ))}
        {field('officeId', (id, d) => (
          <select id={id} aria-describedby={d} value={form.officeId} onChange={(e) => set('officeId', e.target.value)}>
            {choices(form.officeId, offices, 'Every office')}
          </select>
        ))}
        {field('groupId', (id, d) => (
          <select id={id} aria-describedby={d} value={form.groupId} onChange={(e) => set('groupId', e.target.value)}>
            {choices(form.groupId, groups, 'Every queue')}
          </select>
        ))}
        {field(
          'display',
          (id, d) => <input id={id} aria-describedby={d} inputMode="numeric" value={form.display} placeholder="the primary display" onChange={(e) => set('display', e.target.value)} />,
          '0 is the primary display; empty lets the system choose.',
        )}
        {field('language', (id, d) => (
          <select id={id} aria-describedby={d} value={form.language} onChange={(e) => set('language', e.target.value)}>
            {LANGUAGES.map(([tag, name]) => <option key={tag} value={tag}>{name}</option>)}
            {!LANGUAGES.some(([tag]) => tag === form.language) && <option value={form.language}>{form.language}</option>}
          </select>
        ))}
        {field('startAtLogin', (id, d) => (
          <select id={id} aria-describedby={d} value={form.startAtLogin} onChange={(e) => set('startAtLogin', e.target.value)}>
            <option value="">In wall mode only</option>
            <option value="true">Always</option>
            <option value="false">Never</option>
          </select>
        ))}
        <div className="app-settings-actions">
          <button type="submit" className="action-button action-primary" disabled={!dirty || saving || Object.keys(problems).length > 0}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="action-button" disabled={!dirty || saving} onClick={() => { setForm(saved); setOutcome(null); }}>
            Discard changes
          </button>
          <Outcome outcome={outcome} other={refused.other} />
        </div>
      </form>
    </Frame>
  );
}

function Frame({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <section className="app-settings" aria-labelledby="app-settings-heading">
      <header className="app-settings-header">
        <h2 id="app-settings-heading">App settings</h2>
        <button type="button" className="action-button" onClick={onClose}>Back to the desk</button>
      </header>
      <p className="desk-hint">This computer's own settings. They apply when Queueboard next starts; start at login changes at once.</p>
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
  const describedBy = `${id}-about`;
  return (
    <div className={`app-settings-field${problem ? ' app-settings-field-bad' : ''}`} data-setting={name}>
      <label htmlFor={id}>{LABELS[name]}</label>
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
  if (!outcome) return null;
  const text =
    outcome.kind === 'saved'
      ? 'Saved. The new settings apply when Queueboard next starts.'
      : outcome.kind === 'failed'
        ? outcome.message
        : ['Nothing was saved: a setting was refused.', ...other].join(' ');
  return (
    <span className={`alert-outcome ${outcome.kind === 'saved' ? 'alert-outcome-done' : 'alert-outcome-refused'}`} role="status" data-testid="app-settings-outcome">
      {text}
    </span>
  );
}

/** "This run uses --office=amsterdam from the command line", when a flag overrides the saved value. */
function overrideText(name: AppSettingName, state: SettingsState): string | null {
  const flag = FLAG_OF[name];
  if (!flag || !(name in state.commandLine)) return null;
  const value = (state.commandLine as Record<string, unknown>)[name];
  return `This run uses ${flag}=${value === null ? '(none)' : String(value)} from the command line; the saved value applies to runs without it.`;
}
