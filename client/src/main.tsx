import { lazy, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { auth } from './api/auth-endpoints.ts';
import { bootUser, type SessionUserJson } from './api/endpoints.ts';
import { App } from './App.tsx';
import { parseViewState } from './state/url-state.ts';
import { LoginScreen } from './views/LoginScreen.tsx';
import './styles.css';

// The command-centre wall (/wall) loads as its own chunk.
const WallScreen = lazy(() => import('./wall/WallScreen.tsx'));
const onWall = /^\/wall\/?$/.test(location.pathname);

/** The map for a logged-in user (known from the page, else from /api/auth/me), the log-in screen otherwise. */
function Root() {
  const [user, setUser] = useState<SessionUserJson | null | undefined>(() => bootUser() ?? undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (user === undefined) auth.me().then(setUser, (e) => setError((e as Error).message));
  }, []);
  if (error) return <div className="error-bar" role="alert">{error}</div>;
  if (user === undefined) return null;
  if (user && onWall) return <Suspense fallback={null}><WallScreen user={user} /></Suspense>;
  return user ? <App user={user} /> : <LoginScreen initialLang={parseViewState(location.search).lang} />;
}

createRoot(document.getElementById('root')!).render(<Root />);
