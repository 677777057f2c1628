/** Search by name or code (Chinese input): towns, villages, grids, facilities. */
import { useEffect, useState } from 'react';
import { api, type SearchHit } from '../api/endpoints.ts';
import { useT } from './use-i18n.ts';

export function SearchBox({ onPick }: { onPick: (hit: SearchHit) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    if (composing || q.trim().length === 0) { setHits([]); return; }
    const ctrl = new AbortController();
    const timer = setTimeout(() => api.search(q.trim(), ctrl.signal).then((r) => setHits(r.results), () => undefined), 200);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [q, composing]);
  return (
    <div className="search">
      <input type="search" value={q} placeholder={t('search')} aria-label={t('search')} data-testid="search"
        onChange={(e) => setQ(e.target.value)} onCompositionStart={() => setComposing(true)} onCompositionEnd={() => setComposing(false)}
        onKeyDown={(e) => { if (e.key === 'Enter' && hits[0]) { onPick(hits[0]); setHits([]); } if (e.key === 'Escape') setHits([]); }} />
      {hits.length > 0 && (
        <ul className="search-results" role="listbox">
          {hits.map((h) => (
            <li key={`${h.kind}:${h.code}`}><button onClick={() => { onPick(h); setHits([]); setQ(h.name); }}>
              <b>{h.name}</b> <small>{t(`kind${h.kind}`) !== `kind${h.kind}` ? t(`kind${h.kind}`) : t(h.kind)} · {(h.parents ?? []).join(' › ')} · {h.code}</small>
            </button></li>
          ))}
        </ul>
      )}
    </div>
  );
}
