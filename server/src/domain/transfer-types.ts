/** Two-way transfer letters (双向流转): their kinds, statuses and the actions on them. */
export const TRANSFER_KINDS = ['prompt', 'assist'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const TRANSFER_KIND_LABELS: Record<TransferKind, { zh: string; en: string }> = {
  prompt: { zh: '提示函', en: 'Prompt letter (department → town)' },
  assist: { zh: '协办函', en: 'Assistance letter (town → department)' },
};

export const TRANSFER_STATUSES = ['sent', 'received', 'in_progress', 'done'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const TRANSFER_ACTIONS = ['receive', 'start', 'done', 'remind'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** Past its deadline and not done: derived from due_at and now, never stored. */
export function transferOverdue(t: { status: TransferStatus; due_at: Date }, now: Date): boolean {
  return t.status !== 'done' && t.due_at.getTime() < now.getTime();
}
