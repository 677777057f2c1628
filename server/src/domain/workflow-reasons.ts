/** Why an action on a dispute or a transfer letter is refused, in Chinese and English. */
import { ROLE_LABELS, type Role } from './actors.ts';
import { DISPUTE_TYPE_LABELS, type DisputeType } from './dispute-types.ts';

export type RefusalCode = 'resolved' | 'state' | 'level' | 'role' | 'unit' | 'input';

export interface Refusal {
  code: RefusalCode;
  reason: { zh: string; en: string };
  /** For `input` refusals: the request field at fault (→ 400 naming it). */
  field?: string;
}

const ACTION_ZH: Record<string, string> = {
  accept: '受理', mediate: '调解', resolve: '办结', escalate: '上报', transfer: '转办',
  receive: '签收', start: '办理', done: '办结', remind: '催办', send: '发函',
};
const STATUS_ZH: Record<string, string> = {
  reported: '已上报', accepted: '已受理', mediating: '调解中', escalated: '已上报升级', transferred: '已转办', resolved: '已化解',
  sent: '已发送', received: '已签收', in_progress: '办理中', done: '已办结',
};
const LEVEL_ZH: Record<string, string> = { village: '村（社区）级', town: '乡镇（街道）级', department: '部门级' };

const refusal = (code: RefusalCode, zh: string, en: string, field?: string): Refusal => (field ? { code, reason: { zh, en }, field } : { code, reason: { zh, en } });

export const REASONS = {
  alreadyResolved: (action: string) => refusal('resolved', `纠纷已化解，不能再${ACTION_ZH[action]}`, `the dispute is resolved; it cannot be ${action}d any more`),
  wrongStatus: (action: string, status: string) =>
    refusal('state', `当前状态为“${STATUS_ZH[status]}”，不能${ACTION_ZH[action]}`, `cannot ${action} while the status is ${status}`),
  topLevel: () => refusal('level', '已在部门级办理，不能再上报', 'already handled by a department: there is no higher level'),
  onlyAtDepartment: () => refusal('level', '只有部门级办理的纠纷才能转办其他部门', 'only a dispute handled by a department can be transferred to another department'),
  roleLevel: (role: Role, level: string) =>
    refusal('role', `${ROLE_LABELS[role].zh}不能办理${LEVEL_ZH[level]}纠纷`, `a ${ROLE_LABELS[role].en.toLowerCase()} cannot act on a ${level}-level dispute`),
  notYourUnit: (role: Role) => refusal('unit', {
    grid_worker: '该纠纷不在您的网格', town_leader: '该纠纷不在您的乡镇（街道）', department_officer: '该纠纷不由您的部门办理', commander: '',
  }[role], {
    grid_worker: 'the dispute is not in your grid', town_leader: 'the dispute is not in your town', department_officer: 'your department does not handle this dispute', commander: '',
  }[role]),
  reportOutsideUnit: (role: Role) => refusal('unit', role === 'grid_worker' ? '该位置不在您的网格内' : '该位置不在您的乡镇（街道）内',
    role === 'grid_worker' ? 'the point is not in your grid' : 'the point is not in your town'),
  missing: (field: string) => refusal('input', `缺少或无效的 ${field}`, `${field} is missing or invalid`, field),
  notRouted: (type: DisputeType, dept: string) => refusal('input', `${DISPUTE_TYPE_LABELS[type].zh}纠纷不归口该部门（${dept}）`,
    `${DISPUTE_TYPE_LABELS[type].en} disputes are not routed to ${dept}`, 'to'),
  sameDepartment: () => refusal('input', '不能转办给本部门', 'cannot transfer to the department already handling it', 'to'),
  wrongRole: (action: string, who: { zh: string; en: string }) =>
    refusal('role', `只有${who.zh}可以${ACTION_ZH[action]}`, `only ${who.en} may ${action}`),
  transferStatus: (action: string, status: string) =>
    refusal('state', `函件当前状态为“${STATUS_ZH[status]}”，不能${ACTION_ZH[action]}`, `cannot ${action} a letter whose status is ${status}`),
  notReceiver: () => refusal('unit', '只有收函单位可以签收、办理和办结', 'only the receiving unit may receive, start or finish the letter'),
  notSender: () => refusal('unit', '只有发函单位可以催办', 'only the sending unit may send a reminder'),
};
