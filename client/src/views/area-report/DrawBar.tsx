/**
 * The area-report toolbar: draw a polygon, a rectangle or a circle over the map, or pick areas (towns,
 * villages or grids, clicked on the map in the band where each kind is drawn) and report on them together.
 */
import { MAX_PICKED_AREAS } from '@domain/parse-area-report-body.ts';
import type { DrawTool } from '../../map/AreaDrawOverlay.tsx';
import { useT } from '../use-i18n.ts';

export type BarTool = DrawTool | 'pick';
export interface PickedArea { code: string; name: string }

/** `list` with `area` added, or removed if it was there; at most MAX_PICKED_AREAS (a further pick is ignored: `list` itself). */
export function togglePicked(list: readonly PickedArea[], area: PickedArea): readonly PickedArea[] {
  if (list.some((a) => a.code === area.code)) return list.filter((a) => a.code !== area.code);
  return list.length >= MAX_PICKED_AREAS ? list : [...list, area];
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export function DrawBar({ tool, picked, saving, onTool, onUnpick, onReportPicked }: {
  tool: BarTool | null; picked: readonly PickedArea[]; saving: boolean;
  onTool: (tool: BarTool | null) => void; onUnpick: (code: string) => void; onReportPicked: () => void;
}) {
  const t = useT();
  const hint = saving ? t('makingReport') : tool === 'pick' ? t('pickAreasHint') : tool ? t(`draw${cap(tool)}Hint`) : t('drawHint');
  return (
    <div className="draw-bar" data-testid="draw-bar">
      {(['polygon', 'rectangle', 'circle', 'pick'] as const).map((x) => (
        <button key={x} data-tool={x} aria-pressed={tool === x} disabled={saving} onClick={() => onTool(tool === x ? null : x)}>
          {x === 'pick' ? t('pickAreas') : t(`draw${cap(x)}`)}
        </button>
      ))}
      {tool && tool !== 'pick' && <button onClick={() => onTool(null)}>{t('drawCancel')}</button>}
      <small>{hint}</small>
      {tool === 'pick' && (
        <div className="picked" data-testid="picked-areas" data-count={picked.length}>
          {picked.map((a) => (
            <span key={a.code} className="picked-area" data-code={a.code}>
              {a.name}<button type="button" aria-label={`${t('unpick')} ${a.name}`} onClick={() => onUnpick(a.code)}>×</button>
            </span>
          ))}
          {picked.length >= MAX_PICKED_AREAS && <small>{t('pickedFull')} {MAX_PICKED_AREAS}</small>}
          <button type="button" className="primary" data-action="report-picked" disabled={saving || picked.length === 0} onClick={onReportPicked}>
            {t('reportPicked')} ({picked.length})
          </button>
        </div>
      )}
    </div>
  );
}
