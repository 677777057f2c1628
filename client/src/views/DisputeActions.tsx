/**
 * What the logged-in user may do with a dispute: one button per action (the server answers them for
 * the session's role and unit), disabled with the server's reason when not allowed; resolve asks for the outcome, escalate/transfer for the department, and a
 * town or department can send a letter (协办函 / 提示函) from here.
 */
import { useEffect, useState } from 'react';
import type { SessionUserJson } from '../api/endpoints.ts';
import { DEPARTMENTS, ROUTING } from '@domain/departments.ts';
import type { DisputeType } from '@domain/dispute-types.ts';
import { workflow, type DisputeDetail } from '../api/workflow-endpoints.ts';
import type { Lang } from '../state/url-state.ts';
import { useT } from './use-i18n.ts';

type Pending = { action: string; note: string; outcome: string; to: string } | null;

export function DisputeActions({ id, user, lang, live, onChanged }: { id: number; user: SessionUserJson; lang: Lang; live: number; onChanged: (d: DisputeDetail) => void }) {
  const t = useT();
  const [d, setD] = useState<DisputeDetail | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [letter, setLetter] = useState<{ receiver: string; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    workflow.dispute(id, ctrl.signal).then(setD, (e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => ctrl.abort();
  }, [id, user.username, live]);
  if (!d) return null;
  const departments = (type: string) => (ROUTING[type as DisputeType] ?? []).map((c) => DEPARTMENTS.find((x) => x.code === c)!);
  const deptName = (c: string) => { const x = DEPARTMENTS.find((y) => y.code === c); return x ? (lang === 'zh' ? x.name : x.nameEn) : c; };
  /** Runs a write; `f` gives the dispute as it is afterwards (an action's answer carries it; a letter leaves it as it was). */
  const run = async (f: () => Promise<DisputeDetail>) => {
    setBusy(true); setError(null);
    try { const fresh = await f(); setD(fresh); onChanged(fresh); setPending(null); setLetter(null); } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  };
  const submit = () => pending && run(async () => (await workflow.act(id, { action: pending.action, note: pending.note || null, outcome: pending.outcome || null,
    to: pending.to || null, version: d.version }, lang)).dispute);
  // A letter: a town leader asks a department for help (协办函); a department prompts the town (提示函).
  const letterKind = user.role === 'town_leader' ? 'assist' : user.role === 'department_officer' ? 'prompt' : null;
  const canLetter = letterKind && d.status !== 'resolved' && (letterKind === 'prompt' || user.unit === d.town.code);
  return (
    <section className="dispute-actions" data-testid="dispute-actions" data-status={d.status} data-level={d.level} data-version={d.version}>
      <h4>{t('actions')} {d.card && <span className={`card card-${d.card}`}>{t(`card${d.card}`)}</span>}</h4>
      <div className="buttons">
        {(d.actions ?? []).map((a) => (
          <button key={a.action} data-action={a.action} disabled={!a.ok || busy} title={a.reason?.[lang] ?? ''}
            onClick={() => setPending({ action: a.action, note: '', outcome: '', to: a.action === 'transfer' ? DEPARTMENTS[0].code : '' })}>{t(`act${a.action}`)}</button>
        ))}
        {canLetter && <button data-action="letter" disabled={busy} onClick={() => setLetter({ receiver: letterKind === 'assist' ? departments(d.type)[0]?.code ?? DEPARTMENTS[0].code : d.town.code, message: '' })}>{t(`send${letterKind}`)}</button>}
      </div>
      {(d.actions ?? []).filter((a) => !a.ok && a.code !== 'state').slice(0, 1).map((a) => <p key="why" className="why-not">{a.reason?.[lang]}</p>)}
      {pending && (
        <form className="action-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          {pending.action === 'resolve' && <label>{t('outcome')}<input name="outcome" required value={pending.outcome} onChange={(e) => setPending({ ...pending, outcome: e.target.value })} /></label>}
          {(pending.action === 'transfer' || (pending.action === 'escalate' && d.level === 'town')) && (
            <label>{t('department')}<select name="to" value={pending.to || departments(d.type)[0]?.code} onChange={(e) => setPending({ ...pending, to: e.target.value })}>
              {(pending.action === 'transfer' ? DEPARTMENTS : departments(d.type)).map((x) => <option key={x.code} value={x.code}>{deptName(x.code)}</option>)}
            </select></label>
          )}
          <label>{t('note')}<input name="note" maxLength={500} value={pending.note} onChange={(e) => setPending({ ...pending, note: e.target.value })} /></label>
          <button type="submit" className="primary" disabled={busy}>{t('confirm')} · {t(`act${pending.action}`)}</button>
          <button type="button" onClick={() => setPending(null)}>{t('cancel')}</button>
        </form>
      )}
      {letter && letterKind && (
        <form className="action-form" onSubmit={(e) => { e.preventDefault(); void run(async () => { await workflow.sendLetter({ kind: letterKind, dispute_id: id, receiver: letter.receiver, message: letter.message }, lang); return d; }); }}>
          {letterKind === 'assist'
            ? <label>{t('department')}<select name="receiver" value={letter.receiver} onChange={(e) => setLetter({ ...letter, receiver: e.target.value })}>
              {DEPARTMENTS.map((x) => <option key={x.code} value={x.code}>{deptName(x.code)}</option>)}</select></label>
            : <p>{t('receiver')}: {d.town.name}</p>}
          <label>{t('message')}<textarea name="message" required minLength={4} maxLength={1000} rows={2} value={letter.message} onChange={(e) => setLetter({ ...letter, message: e.target.value })} /></label>
          <button type="submit" className="primary" disabled={busy}>{t(`send${letterKind}`)}</button>
          <button type="button" onClick={() => setLetter(null)}>{t('cancel')}</button>
        </form>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
