/** Log-in, log-out and who am I (POST /api/auth/login, /api/auth/display-login, /api/auth/logout, GET /api/auth/me). */
import { ApiRequestError, getJson, postJson } from './http.ts';
import type { SessionUserJson } from './endpoints.ts';

export const auth = {
  /** The logged-in user, or null when the server answers 401 (no session). */
  me: async (): Promise<SessionUserJson | null> => {
    try {
      return (await getJson<{ user: SessionUserJson }>('/api/auth/me')).user;
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 401) return null;
      throw e;
    }
  },
  login: (username: string, password: string, lang: 'zh' | 'en') => postJson<{ user: SessionUserJson }>('/api/auth/login', { username, password }, lang),
  /** A wall display logs in with the credential the commander created (POST /api/auth/display-login). */
  displayLogin: (token: string, lang: 'zh' | 'en') => postJson<{ user: SessionUserJson }>('/api/auth/display-login', { token }, lang),
  logout: (lang: 'zh' | 'en') => postJson<void>('/api/auth/logout', {}, lang),
};
