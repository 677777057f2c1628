/** Who is logged in (name, role, unit) and the log-out button, in the top bar. */
import { useState } from 'react';
import { mayWrite } from '@domain/user-roles.ts';
import { auth } from '../api/auth-endpoints.ts';
import type { SessionUserJson } from '../api/endpoints.ts';
import type { Lang } from '../state/url-state.ts';
import { useT } from './use-i18n.ts';

export function UserBadge({ user, lang }: { user: SessionUserJson; lang: Lang }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const logout = () => {
    setBusy(true);
    // Reload either way: without a session the page comes back as the log-in screen.
    auth.logout(lang).finally(() => location.reload());
  };
  return (
    <div className="user-badge" data-testid="user" data-role={user.role} data-unit={user.unit ?? ''} title={`${t('signedInAs')}: ${user.username}`}>
      <span className="who"><b>{user.display_name}</b> · {user.role_label[lang]}{user.unit_name ? ` · ${user.unit_name}` : ''}{!mayWrite(user.role) && ` · ${t('readOnly')}`}</span>
      {user.role !== 'display' && <button data-testid="logout" disabled={busy} onClick={logout}>{t('logOut')}</button>}
    </div>
  );
}
