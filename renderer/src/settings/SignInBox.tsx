import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Paste a role token; the pane keeps it in this browser and reconnects with it. */
export function SignInBox({ onSignIn, reason }: { onSignIn: (token: string) => void; reason: string | null }) {
  const [token, setToken] = useState('');
  const { t } = useTranslation();
  return (
    <form
      className="sign-in"
      aria-labelledby="sign-in-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim()) onSignIn(token.trim());
      }}
    >
      <h2 id="sign-in-title" className="panel-title">{t('settings.signIn.title')}</h2>
      {reason && <p className="sign-in-reason" role="alert">{reason}</p>}
      <label>
        {t('settings.signIn.token')}
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!token.trim()}>{t('settings.signIn.button')}</button>
      <p className="hint">{t('settings.signIn.hint')}</p>
    </form>
  );
}
