/** district › town › village › grid, each a link back up; and a back button. */
import type { AreaParent } from '../api/endpoints.ts';
import { useT } from './use-i18n.ts';

interface Props { trail: AreaParent[]; onPick: (p: AreaParent | null) => void }

export function Breadcrumb({ trail, onPick }: Props) {
  const t = useT();
  return (
    <nav className="breadcrumb" aria-label="breadcrumb" data-testid="breadcrumb">
      {trail.length > 0 && <button className="back" onClick={() => onPick(trail.length > 1 ? trail[trail.length - 2] : null)}>‹ {t('back')}</button>}
      <button onClick={() => onPick(null)}>{t('district')}</button>
      {trail.map((p) => (<span key={p.code}> › <button onClick={() => onPick(p)}>{p.name}</button></span>))}
    </nav>
  );
}
