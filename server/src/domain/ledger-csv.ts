/** The ledger as a spreadsheet: Chinese headers, labels instead of codes, local times (UTC+8). */
import type { CsvCell } from './csv.ts';
import { DISPUTE_STATUS_LABELS, HANDLING_LEVEL_LABELS } from './dispute-types.ts';
import type { LedgerRow } from './ledger-rows.ts';
import { localDateTime } from './local-time.ts';

export const LEDGER_CSV_HEADER = [
  '编号', '上报时间', '纠纷类型', '村（社区）', '网格', '办理层级', '状态', '承办单位', '办理期限', '化解时间', '化解结果', '是否超期', '上月结转', '简要情况',
] as const;

const local = (iso: string | null) => (iso === null ? null : localDateTime(new Date(iso)));
const yesNo = (b: boolean) => (b ? '是' : '否');

export function ledgerCsvRow(r: LedgerRow): CsvCell[] {
  return [
    r.code, local(r.reported_at), r.type_label.zh, r.village, r.grid, HANDLING_LEVEL_LABELS[r.level].zh, DISPUTE_STATUS_LABELS[r.status].zh,
    r.handler_unit, local(r.due_at), local(r.resolved_at), r.outcome, yesNo(r.overdue), yesNo(r.carried_over), r.summary,
  ];
}
