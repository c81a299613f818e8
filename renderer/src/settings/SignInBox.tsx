import { useState } from 'react';

/** Paste a role token; the pane keeps it in this browser and reconnects with it. */
export function SignInBox({ onSignIn, reason }: { onSignIn: (token: string) => void; reason: string | null }) {
  const [token, setToken] = useState('');
  return (
    <form
      className="sign-in"
      aria-labelledby="sign-in-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim()) onSignIn(token.trim());
      }}
    >
      <h2 id="sign-in-title" className="panel-title">Sign in</h2>
      {reason && <p className="sign-in-reason" role="alert">{reason}</p>}
      <label>
        Your token
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!token.trim()}>Sign in</button>
      <p className="hint">Managers and leads get a token from whoever runs the gateway. It is kept in this browser only.</p>
    </form>
  );
}
