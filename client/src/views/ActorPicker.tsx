/**
 * "Acting as": the role and unit sent with every write until log-in exists (issue 5). Town leaders
 * pick their town, department officers their department, grid workers their grid (by name or code).
 */
import { DISTRICT_UNIT, ROLE_LABELS, ROLES, type Actor, type Role } from '@domain/actors.ts';
import { DEPARTMENTS } from '@domain/departments.ts';
import type { Lang } from '../state/url-state.ts';
import { useT } from './use-i18n.ts';

export interface PlaceOption { code: string; name: string }

export function ActorPicker({ actor, lang, towns, grids, onChange }: { actor: Actor; lang: Lang; towns: PlaceOption[]; grids: PlaceOption[]; onChange: (a: Actor) => void }) {
  const t = useT();
  const firstUnit = (role: Role): string => role === 'commander' ? DISTRICT_UNIT : role === 'town_leader' ? towns[0]?.code ?? '' : role === 'department_officer' ? DEPARTMENTS[0].code : grids[0]?.code ?? '';
  const units: PlaceOption[] = actor.role === 'town_leader' ? towns
    : actor.role === 'department_officer' ? DEPARTMENTS.map((d) => ({ code: d.code, name: lang === 'zh' ? d.name : d.nameEn }))
      : actor.role === 'grid_worker' ? grids : [{ code: DISTRICT_UNIT, name: t('district') }];
  return (
    <div className="actor-picker" data-testid="actor-picker" title={t('actingAsHint')}>
      <label>{t('actingAs')}
        <select aria-label={t('actingAs')} value={actor.role} onChange={(e) => { const role = e.target.value as Role; onChange({ role, unit: firstUnit(role) }); }}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r][lang]}</option>)}
        </select>
      </label>
      {actor.role !== 'commander' && (
        <select aria-label={t('unit')} value={actor.unit} onChange={(e) => onChange({ ...actor, unit: e.target.value })}>
          {!units.some((u) => u.code === actor.unit) && <option value={actor.unit}>{actor.unit}</option>}
          {units.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
        </select>
      )}
    </div>
  );
}
