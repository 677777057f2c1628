/** The ledger rows (一表一帐): sortable headers (the server sorts), carried-over and overdue rows marked in words. */
import { DISPUTE_STATUS_LABELS, HANDLING_LEVEL_LABELS } from '@domain/dispute-types.ts';
import type { LedgerRow, LedgerSortField } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';
import { localDateTime } from '../format.ts';
import { gridShortName } from './ledger-format.ts';

interface Sort { sort: LedgerSortField; order: 'asc' | 'desc' }
interface Props { rows: LedgerRow[]; sort: Sort; onSort: (s: Sort) => void; lang: 'zh' | 'en'; t: LedgerT; onPickDispute: (id: number) => void }

/** Local date over local time, so the three time columns stay narrow. */
const when = (iso: string | null) => {
  if (!iso) return '—';
  const [d, hm] = localDateTime(iso).split(' ');
  return <span className="ls-when">{d}<small>{hm}</small></span>;
};

type Column = { key: string; label: string; sort?: LedgerSortField; cell: (r: LedgerRow) => React.ReactNode; className?: string };

export function LedgerTable({ rows, sort, onSort, lang, t, onPickDispute }: Props) {
  const columns: Column[] = [
    { key: 'code', label: t('colCode'), sort: 'code', className: 'nowrap', cell: (r) => (
      <>
        <button type="button" className="ls-code" onClick={(e) => { e.stopPropagation(); onPickDispute(r.id); }} aria-label={t('openDispute', { code: r.code })}>{r.code}</button>
        {r.carried_over && <><br /><span className="ls-tag carried" title={t('carriedHint')}>{t('carried')}</span></>}
      </>
    ) },
    { key: 'reported', label: t('colReported'), sort: 'reported_at', className: 'num', cell: (r) => when(r.reported_at) },
    { key: 'type', label: t('colType'), sort: 'type', cell: (r) => r.type_label[lang] },
    { key: 'village', label: t('colVillage'), sort: 'village', cell: (r) => r.village },
    { key: 'grid', label: t('colGrid'), sort: 'grid', cell: (r) => <span title={r.grid}>{gridShortName(r.grid, r.village)}</span> },
    { key: 'status', label: t('colStatus'), sort: 'status', className: 'nowrap', cell: (r) => <span className={`ls-status s-${r.status}`}>{DISPUTE_STATUS_LABELS[r.status][lang]}</span> },
    { key: 'overdue', label: t('colOverdue'), sort: 'overdue', className: 'nowrap', cell: (r) => (r.overdue ? <span className="ls-tag overdue">⚠ {t('overdueMark')}</span> : t('notOverdue')) },
    { key: 'level', label: t('colLevel'), sort: 'level', cell: (r) => HANDLING_LEVEL_LABELS[r.level][lang] },
    { key: 'handler', label: t('colHandler'), cell: (r) => r.handler_unit },
    { key: 'due', label: t('colDue'), sort: 'due_at', className: 'num', cell: (r) => when(r.due_at) },
    { key: 'resolved', label: t('colResolved'), sort: 'resolved_at', className: 'num', cell: (r) => when(r.resolved_at) },
    { key: 'summary', label: t('colSummary'), className: 'summary', cell: (r) => <span title={r.outcome ?? undefined}>{r.summary}</span> },
  ];
  const header = (c: Column) => {
    if (!c.sort) return <th key={c.key} scope="col">{c.label}</th>;
    const active = sort.sort === c.sort;
    const next: Sort = { sort: c.sort, order: active && sort.order === 'asc' ? 'desc' : 'asc' };
    return (
      <th key={c.key} scope="col" aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'} className={active ? 'sorted' : undefined}>
        <button type="button" onClick={() => onSort(next)} title={t('sortBy', { c: c.label })} data-testid={`ledger-sort-${c.sort}`}>
          {c.label}<span aria-hidden="true" className="ls-sort-mark">{active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="ls-scroll">
      <table className="ls-grid ls-ledger-table" data-testid="ledger-table">
        <thead><tr>{columns.map(header)}</tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={columns.length} className="ls-empty">{t('noRows')}</td></tr>}
          {rows.map((r) => (
            <tr key={r.id} className={`${r.overdue ? 'overdue' : ''}${r.carried_over ? ' carried' : ''}`} onClick={() => onPickDispute(r.id)} data-testid="ledger-row">
              {columns.map((c) => <td key={c.key} className={c.className}>{c.cell(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
