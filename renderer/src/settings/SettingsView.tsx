import '../styles/settings.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { problemText } from '../i18n/problem-text';
import { useLanguageChoice } from '../i18n/use-language-choice';
import { TOKEN_STORAGE_KEY } from '../launch/launch-options';
import { connectionSelectors } from '../store/connection-slice';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { AuditPane } from './AuditPane';
import { DeadLetterPane } from './DeadLetterPane';
import { SignInBox } from './SignInBox';
import { ThresholdsPane } from './ThresholdsPane';

export interface SettingsViewProps {
  /** Reads and keeps the token; tests pass fakes, the page uses local storage and a reload. */
  storedToken?: () => string | null;
  signIn?: (token: string) => void;
}

function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeTokenAndReload(token: string): void {
  window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
  window.location.reload();
}

/** Container: the managers' settings pane. Everyone may look; only managers change thresholds. */
export function SettingsView({ storedToken = readToken, signIn = storeTokenAndReload }: SettingsViewProps) {
  const session = useAppStore(sessionSelectors.session);
  const status = useAppStore(connectionSelectors.status);
  const problem = useAppStore(connectionSelectors.problem);
  const { t } = useTranslation();
  const { language, choose } = useLanguageChoice();
  const [tab, setTab] = useState<'thresholds' | 'audit' | 'webhooks'>('thresholds');
  const [token] = useState(storedToken);
  const [signingIn, setSigningIn] = useState(false);
  const manager = session?.role === 'manager';
  const refused = status === 'refused';

  return (
    <div className="settings" data-testid="settings">
      <header className="settings-header">
        <h1>{t('settings.title')}</h1>
        <span className={`settings-connection connection-${status}`} data-testid="connection-status" data-status={status} role="status">
          {t(`settings.connection.${status}`)}
        </span>
        {session && (
          <span className="settings-who" data-testid="session">
            {t('settings.session', { name: session.name, role: t(`desk.role.${session.role}`) })}
          </span>
        )}
        {token && !signingIn && !refused && (
          <button type="button" className="link-button" onClick={() => setSigningIn(true)}>
            {t('settings.anotherToken')}
          </button>
        )}
        <LanguagePicker language={language} onChoose={choose} />
      </header>
      {refused && (
        <p className="settings-refused" role="alert" data-testid="refused">
          {t('settings.refused', { reason: problem ? problemText(problem, t) : t('settings.noReason') })}
        </p>
      )}
      {(!token || refused || signingIn) && <SignInBox onSignIn={signIn} reason={token ? null : t('settings.notSignedIn')} />}
      {session && !manager && (
        <p className="settings-note" data-testid="read-only-note">
          {token
            ? t('settings.managersOnlySignedIn', { name: session.name, role: t(`desk.role.${session.role}`) })
            : t('settings.managersOnlyNotSignedIn')}
        </p>
      )}
      {!refused && (
        <>
          {manager && (
            <nav className="settings-tabs" aria-label={t('settings.sections')}>
              <button type="button" aria-current={tab === 'thresholds' ? 'page' : undefined} onClick={() => setTab('thresholds')}>
                {t('settings.thresholds')}
              </button>
              <button type="button" aria-current={tab === 'audit' ? 'page' : undefined} onClick={() => setTab('audit')}>
                {t('settings.audit')}
              </button>
              <button type="button" aria-current={tab === 'webhooks' ? 'page' : undefined} onClick={() => setTab('webhooks')}>
                {t('webhooks.deadLetters.tab')}
              </button>
            </nav>
          )}
          <main className="settings-main">
            {/* The thresholds stay mounted behind the audit trail, so unsaved edits survive a look at it. */}
            <div hidden={tab !== 'thresholds' && manager}>
              <ThresholdsPane canEdit={manager} />
            </div>
            {tab === 'audit' && manager && <AuditPane canRevert={manager} />}
            {tab === 'webhooks' && manager && <DeadLetterPane />}
          </main>
        </>
      )}
    </div>
  );
}
