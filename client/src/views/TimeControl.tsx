/** Month range and playback: filters disputes, hotspots and risk to a period. */
import { useEffect } from 'react';
import { addMonths, monthRange, monthsBetween } from '../state/months.ts';
import { useT } from './use-i18n.ts';

interface Props {
  range: { from: string; to: string }; period: { from: string; to: string }; playing: boolean;
  onPeriod: (p: { from: string; to: string }) => void; onPlaying: (v: boolean) => void;
}

export function TimeControl({ range, period, playing, onPeriod, onPlaying }: Props) {
  const t = useT();
  const months = monthRange(range.from, range.to);
  useEffect(() => {
    if (!playing) return;
    const span = monthsBetween(period.from, period.to);
    const timer = setTimeout(() => {
      const next = period.to >= range.to ? addMonths(range.from, span) : addMonths(period.to, 1);
      onPeriod({ from: addMonths(next, -span), to: next });
    }, 1800);
    return () => clearTimeout(timer);
  }, [playing, period.from, period.to]);
  const pick = (which: 'from' | 'to', m: string) => {
    const p = { ...period, [which]: m };
    if (p.from > p.to) (which === 'from' ? (p.to = m) : (p.from = m));
    onPeriod(p);
  };
  return (
    <div className="time-control" data-testid="time-control">
      <span className="label">{t('period')}</span>
      <select aria-label="from" value={period.from} onChange={(e) => pick('from', e.target.value)}>{months.map((m) => <option key={m}>{m}</option>)}</select>
      <span>—</span>
      <select aria-label="to" value={period.to} onChange={(e) => pick('to', e.target.value)}>{months.map((m) => <option key={m}>{m}</option>)}</select>
      <input type="range" min={0} max={months.length - 1} value={Math.max(0, months.indexOf(period.to))} aria-label="month"
        onChange={(e) => { const span = monthsBetween(period.from, period.to); const to = months[Number(e.target.value)]; onPeriod({ from: addMonths(to, -span) < range.from ? range.from : addMonths(to, -span), to }); }} />
      <button onClick={() => onPlaying(!playing)} data-testid="play">{playing ? `⏸ ${t('pause')}` : `▶ ${t('play')}`}</button>
    </div>
  );
}
