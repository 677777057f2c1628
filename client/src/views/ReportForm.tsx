/**
 * Report a dispute at a point picked on the map: type, what happened, the parties. The server assigns
 * the grid, village and town from the point and refuses one outside the district (the message shows);
 * the reporter is the logged-in user.
 */
import { useState } from 'react';
import { DISPUTE_TYPES } from '@domain/dispute-types.ts';
import { workflow, type DisputeDetail } from '../api/workflow-endpoints.ts';
import type { Lang } from '../state/url-state.ts';
import { useT } from './use-i18n.ts';

export function ReportForm({ point, lang, onDone, onCancel }: {
  point: [number, number]; lang: Lang; onDone: (d: DisputeDetail) => void; onCancel: () => void;
}) {
  const t = useT();
  const [type, setType] = useState<string>('neighbour');
  const [summary, setSummary] = useState('');
  const [applicant, setApplicant] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const parties = applicant.trim() ? [{ role: 'applicant' as const, name: applicant.trim(), phone: phone.trim() || null }] : [];
      onDone(await workflow.report({ point, type, summary: summary.trim(), parties }, lang));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="report-form" data-testid="report-form" onSubmit={submit}>
      <header><h3>{t('reportDispute')}</h3><button type="button" className="close" onClick={onCancel} aria-label={t('close')}>×</button></header>
      <p className="hint">{t('reportAt')} {point[0].toFixed(5)}, {point[1].toFixed(5)}</p>
      <label>{t('type')}
        <select name="type" value={type} onChange={(e) => setType(e.target.value)}>
          {DISPUTE_TYPES.map((k) => <option key={k} value={k}>{t(`type${k}`)}</option>)}
        </select>
      </label>
      <label>{t('summary')}
        <textarea name="summary" required minLength={4} maxLength={500} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} placeholder={t('summaryHint')} />
      </label>
      <label>{t('applicant')} <input name="applicant" maxLength={40} value={applicant} onChange={(e) => setApplicant(e.target.value)} /></label>
      <label>{t('phone')} <input name="phone" maxLength={20} inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} /></label>
      {error && <p className="error" role="alert">{error}</p>}
      <footer><button type="submit" className="primary" disabled={busy || summary.trim().length < 4}>{busy ? t('loading') : t('submitReport')}</button></footer>
    </form>
  );
}
