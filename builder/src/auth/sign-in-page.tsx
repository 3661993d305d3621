import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { LocaleSwitch } from '../app/header';
import { useT } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { useAuthStore } from './auth-store';
import './sign-in.css';

type Attempt =
  { status: 'idle' } | { status: 'checking' } | { status: 'rejected' } | { status: 'failed'; error: unknown };

/**
 * Shown while the builder has no API key the server accepts: paste one to go on. Over the page
 * (`isOverPage`) when a key stopped working mid-visit, so the work underneath is not lost.
 */
export function SignInPage({ isOverPage = false }: { isOverPage?: boolean }) {
  const t = useT();
  const wasRejected = useAuthStore((state) => state.wasRejected);
  const signIn = useAuthStore((state) => state.signIn);
  const [apiKey, setApiKey] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = apiKey.trim();
    if (!key) return;
    setAttempt({ status: 'checking' });
    api.checkApiKey(key).then(
      (verdict) => (verdict === 'accepted' ? signIn(key) : setAttempt({ status: 'rejected' })),
      (error: unknown) => setAttempt({ status: 'failed', error }),
    );
  };

  const problem =
    attempt.status === 'rejected' ? t('signIn.rejected') : wasRejected ? t('signIn.expired') : null;
  const card = (
    <form className="sign-in-card" onSubmit={submit} data-testid="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.hint')}</p>
      <label className="field">
        <span>{t('signIn.keyLabel')}</span>
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          data-testid="api-key"
        />
      </label>
      {attempt.status === 'failed' ? (
        <ServerError error={attempt.error} />
      ) : (
        problem && (
          <p className="error-box" role="alert">
            {problem}
          </p>
        )
      )}
      <button type="submit" className="primary" disabled={!apiKey.trim() || attempt.status === 'checking'}>
        {attempt.status === 'checking' ? t('signIn.checking') : t('signIn.submit')}
      </button>
    </form>
  );
  if (isOverPage) {
    return (
      <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('signIn.title')}>
        {card}
      </div>
    );
  }
  return (
    <div className="sign-in">
      <header className="app-header">
        <span className="app-logo">◆ {t('app.name')}</span>
        <span className="spacer" />
        <LocaleSwitch />
      </header>
      {card}
    </div>
  );
}
