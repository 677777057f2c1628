/**
 * A unit's letters (双向流转): 提示函 and 协办函 received and sent, with their status, due date and
 * overdue flag; the receiver moves a letter on (received → in progress → done), the sender may remind.
 */
import { useEffect, useState } from 'react';
import { workflow, type Transfer } from '../api/workflow-endpoints.ts';
import type { Lang } from '../state/url-state.ts';
import { localDateTime } from './format.ts';
import { useT } from './use-i18n.ts';

const NEXT: Record<string, string | null> = { sent: 'receive', received: 'start', in_progress: 'done', done: null };

export function InboxPanel({ unit, lang, live, onPickDispute, onClose }: { unit: string; lang: Lang; live: number; onPickDispute: (id: number) => void; onClose: () => void }) {
  const t = useT();
  const [box, setBox] = useState<'inbox' | 'outbox'>('inbox');
  const [list, setList] = useState<{ total: number; transfers: Transfer[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    workflow.letters(unit, box, ctrl.signal).then(setList, (e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => ctrl.abort();
  }, [unit, box, live, changed]);
  const act = (tr: Transfer, action: string) => workflow.actOnLetter(tr.id, action, lang).then(() => setChanged((n) => n + 1), (e) => setError(e.message));
  return (
    <aside className="inbox-panel" data-testid="inbox" aria-label={t('letters')}>
      <header><h3>{t('letters')}</h3><button className="close" onClick={onClose} aria-label={t('close')}>×</button></header>
      <div className="tabs" role="tablist">
        {(['inbox', 'outbox'] as const).map((b) => <button key={b} role="tab" aria-selected={box === b} className={box === b ? 'on' : ''} onClick={() => setBox(b)}>{t(b)}</button>)}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {!list ? <p>{t('loading')}</p> : list.transfers.length === 0 ? <p className="muted">{t('noLetters')}</p> : (
        <ul className="letters">
          {list.transfers.map((tr) => {
            const next = box === 'inbox' ? NEXT[tr.status] : tr.status !== 'done' ? 'remind' : null;
            return (
              <li key={tr.id} className={`letter status-${tr.status}${tr.overdue ? ' overdue' : ''}`} data-letter={tr.id}>
                <div><b>{tr.kind_label[lang].split(' (')[0]}</b> · {box === 'inbox' ? tr.sender.name : tr.receiver.name}
                  <span className={`letter-status ${tr.status}`}>{t(`letter${tr.status}`)}</span>{tr.overdue && <span className="flag overdue">⚠ {t('overdue')}</span>}</div>
                <p>{tr.message}</p>
                <small>{t('dueAt')} {localDateTime(tr.due_at)} · <button className="link" onClick={() => onPickDispute(tr.dispute.id)}>{tr.dispute.code}</button></small>
                {next && <button className="small" onClick={() => void act(tr, next)}>{t(`letterAct${next}`)}</button>}
              </li>
            );
          })}
        </ul>
      )}
      {list && <p className="muted">{t('total')} {list.total}</p>}
    </aside>
  );
}
