import '../styles/settings.css';
import { useState } from 'react';
import { ProblemText } from '../i18n/ProblemText';
import { TOKEN_STORAGE_KEY } from '../launch/launch-options';
import { connectionSelectors, type ConnectionStatus } from '../store/connection-slice';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { AuditPane } from './AuditPane';
import { SignInBox } from './SignInBox';
import { ThresholdsPane } from './ThresholdsPane';

export interface SettingsViewProps {
  /** Reads and keeps the token; tests pass fakes, the page uses local storage and a reload. */
  storedToken?: () => string | null;
  signIn?: (token: string) => void;
}

const CONNECTION_WORDS: Readonly<Record<ConnectionStatus, string>> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Disconnected — reconnecting',
  incompatible: 'Incompatible gateway',
  refused: 'Access refused',
};

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
  const [tab, setTab] = useState<'thresholds' | 'audit'>('thresholds');
  const [token] = useState(storedToken);
  const [signingIn, setSigningIn] = useState(false);
  const manager = session?.role === 'manager';
  const refused = status === 'refused';

  return (
    <div className="settings" data-testid="settings">
      <header className="settings-header">
        <h1>Queueboard settings</h1>
        <span className={`settings-connection connection-${status}`} data-testid="connection-status" data-status={status} role="status">
          {CONNECTION_WORDS[status]}
        </span>
        {session && (
          <span className="settings-who" data-testid="session">
            {session.name} ({session.role})
          </span>
        )}
        {token && !signingIn && !refused && (
          <button type="button" className="link-button" onClick={() => setSigningIn(true)}>
            Use another token
          </button>
        )}
      </header>
      {refused && (
        <p className="settings-refused" role="alert" data-testid="refused">
          The gateway refused this screen: {problem ? <ProblemText problem={problem} /> : 'no reason given'}
        </p>
      )}
      {(!token || refused || signingIn) && <SignInBox onSignIn={signIn} reason={token ? null : 'You are not signed in: paste your token to change settings.'} />}
      {session && !manager && (
        <p className="settings-note" data-testid="read-only-note">
          Only managers can change thresholds; {token ? `you are signed in as ${session.name} (${session.role}).` : 'you are not signed in.'}
        </p>
      )}
      {!refused && (
        <>
          {manager && (
            <nav className="settings-tabs" aria-label="Settings sections">
              <button type="button" aria-current={tab === 'thresholds' ? 'page' : undefined} onClick={() => setTab('thresholds')}>
                Thresholds
              </button>
              <button type="button" aria-current={tab === 'audit' ? 'page' : undefined} onClick={() => setTab('audit')}>
                Audit trail
              </button>
            </nav>
          )}
          <main className="settings-main">
            {/* The thresholds stay mounted behind the audit trail, so unsaved edits survive a look at it. */}
            <div hidden={tab === 'audit' && manager}>
              <ThresholdsPane canEdit={manager} />
            </div>
            {tab === 'audit' && manager && <AuditPane canRevert={manager} />}
          </main>
        </>
      )}
    </div>
  );
}
