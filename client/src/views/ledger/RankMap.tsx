/** The towns coloured by their quarterly rank (inline SVG): the rank written in each town, the bottom ones hatched and outlined. */
import { useMemo } from 'react';
import type { RankingGeoJson } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';
import { formatPercent } from './ledger-format.ts';
import { fitLabels, fitProjection, geometryPath, labelPoint, projectedArea, rankColour } from './rank-map-geometry.ts';

const W = 560, H = 480;
/** Towns smaller than this on the drawing (px²) get their rank only, in small type. */
const SMALL_PX2 = 1800;

const rankBox = (at: [number, number], text: string, small: boolean) => {
  const [cw, h] = small ? [7, 11] : [9.5, 15];
  return { x: at[0] - (text.length * cw) / 2, y: at[1] + 5 - h, w: text.length * cw, h };
};

export function RankMap({ data, lang, t, onPickTown }: { data: RankingGeoJson; lang: 'zh' | 'en'; t: LedgerT; onPickTown: (code: string) => void }) {
  const towns = useMemo(() => {
    const proj = fitProjection(data.features.map((f) => f.geometry), W, H, 10);
    if (!proj) return [];
    return data.features.filter((f) => f.geometry).map((f) => {
      const at = labelPoint(f.geometry);
      return { u: f.properties, d: geometryPath(f.geometry, proj), at: at ? proj.project(at) : null, small: projectedArea(f.geometry, proj) < SMALL_PX2 };
    });
  }, [data]);
  const maxRank = Math.max(1, ...data.features.map((f) => f.properties.rank));
  // Ranks (and 末位 marks) always show; a name is left out where it would cover one (the tooltip and the table give it).
  const named = useMemo(() => fitLabels(
    towns.flatMap(({ u, at, small }) => (at ? [rankBox(at, String(u.rank), small), ...(u.bottom ? [{ x: at[0] - 12, y: at[1] + 7, w: 24, h: 12 }] : [])] : [])),
    towns.map(({ u, at, small }) => (at && !small ? { x: at[0] - u.name.length * 5.2, y: at[1] + (u.bottom ? 21 : 9), w: u.name.length * 10.4, h: 11 } : null)),
  ), [towns]);
  const pick = (code: string) => onPickTown(code);
  return (
    <figure className="ls-rankmap" data-testid="rank-map">
      <svg viewBox={`0 0 ${W} ${H}`} aria-label={t('mapAria')} role="group">
        <defs>
          <pattern id="ls-hatch" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="7" stroke="#8a0b1b" strokeWidth="2.2" strokeOpacity="0.75" />
          </pattern>
        </defs>
        {towns.map(({ u, d }) => {
          const c = rankColour(u.rank, maxRank);
          const label = `${t('showOnMap', { name: u.name, rank: u.rank })} · ${t('colRate')} ${formatPercent(u.rate, lang)}${u.bottom ? ` · ${t('bottomMark')}` : ''}`;
          return (
            <g key={u.code} className={`town${u.bottom ? ' bottom' : ''}`} role="button" tabIndex={0} aria-label={label} data-code={u.code}
              onClick={() => pick(u.code)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(u.code); } }}>
              <title>{label}</title>
              <path d={d} fill={c.fill} fillRule="evenodd" className="shape" />
              {u.bottom && <path d={d} fill="url(#ls-hatch)" fillRule="evenodd" className="hatch" />}
            </g>
          );
        })}
        {/* Outlines of the bottom towns and every label go on top, so neighbours never cover them. */}
        {towns.filter(({ u }) => u.bottom).map(({ u, d }) => <path key={u.code} d={d} className="bottom-outline" aria-hidden="true" />)}
        {/* Small towns' ranks last, so nothing covers them. */}
        {towns.map((x, i) => ({ ...x, i })).sort((a, b) => Number(a.small) - Number(b.small)).map(({ u, at, small, i }) => at && (
          <g key={u.code} className={`label${small ? ' small' : ''}`} transform={`translate(${at[0].toFixed(1)},${at[1].toFixed(1)})`} aria-hidden="true">
            <text className="rank" textAnchor="middle" y={4}>{u.rank}</text>
            {named[i] && <text className="name" textAnchor="middle" y={u.bottom ? 30 : 18}>{u.name}</text>}
            {u.bottom && <text className="bottom-mark" textAnchor="middle" y={17}>{t('bottomMark')}</text>}
          </g>
        ))}
      </svg>
      <figcaption className="ls-legend">
        <span className="ls-ramp">
          <b>{t('legendRank')}</b>
          {[...new Set([1, Math.round(maxRank / 4), Math.round(maxRank / 2), Math.round((3 * maxRank) / 4), maxRank])].filter((r) => r >= 1).map((r) => {
            const c = rankColour(r, maxRank);
            return <i key={r} style={{ background: c.fill, color: c.ink }}>{r}</i>;
          })}
        </span>
        <span className="ls-bottom-key"><svg width="28" height="18" aria-hidden="true"><rect x="1" y="1" width="26" height="16" fill="url(#ls-hatch)" stroke="#c0142c" strokeWidth="2.5" /></svg>
          {t('legendBottom')}</span>
      </figcaption>
    </figure>
  );
}
