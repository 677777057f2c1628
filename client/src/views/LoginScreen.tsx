/**
 * The log-in screen, shown when the page came without start-up data and /api/auth/me says 401: a
 * username and password, or (for a wall display) the display credential the commander created.
 * After a log-in the page reloads, so index.html comes with the user's start-up data.
 */
import { useState } from 'react';
import { auth } from '../api/auth-endpoints.ts';
import { ApiRequestError } from '../api/http.ts';
import { translate } from '../i18n/strings.ts';
import type { Lang } from '../state/url-state.ts';

export function LoginScreen({ initialLang }: { initialLang: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [display, setDisplay] = useState(false);
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = (k: string) => translate(lang, k);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      await (display ? auth.displayLogin(token.trim(), lang) : auth.login(username.trim(), password, lang));
      location.reload();
    } catch (err) {
      const status = err instanceof ApiRequestError ? err.status : 0;
      setError(status === 401 ? t(display ? 'badDisplayToken' : 'badLogin') : status === 429 ? t('tooManyLogins') : (err as Error).message);
      setBusy(false);
    }
  };
  return (
    <main className="login-screen" data-testid="login">
      <form className="login-form" onSubmit={submit} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <header>
          <h1>{t('logInTitle')}</h1>
          <button type="button" className="lang" data-testid="login-lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</button>
        </header>
        <p className="synthetic">{t('synthetic')} · {t('district')}</p>
        {display
          ? <label>{t('displayToken')}<input name="token" type="password" autoComplete="off" required maxLength={200} value={token} onChange={(e) => setToken(e.target.value)} autoFocus /></label>
          : <>
            <label>{t('username')}<input name="username" autoComplete="username" required maxLength={64} value={username} onChange={(e) => setUsername(e.target.value)} autoFocus /></label>
            <label>{t('password')}<input name="password" type="password" autoComplete="current-password" required maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} /></label>
          </>}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy || (display ? !token.trim() : !username.trim() || !password)}>{busy ? t('loggingIn') : t('logIn')}</button>
        <button type="button" className="link" data-testid="login-mode" onClick={() => { setDisplay(!display); setError(null); }}>{display ? t('passwordLogIn') : t('displayLogIn')}</button>
        {!display && <p className="hint">{t('logInHint')}</p>}
      </form>
    </main>
  );
}
