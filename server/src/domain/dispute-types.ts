/** Kinds of dispute (矛盾纠纷) the district records, with labels and how often each can turn criminal. */
export const DISPUTE_TYPES = [
  'neighbour', 'marriage_family', 'housing_property', 'land_boundary', 'nuisance', 'debt', 'labour', 'traffic', 'other',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const DISPUTE_TYPE_LABELS: Record<DisputeType, { zh: string; en: string }> = {
  neighbour: { zh: '邻里纠纷', en: 'Neighbours' },
  marriage_family: { zh: '婚姻家庭', en: 'Marriage & family' },
  housing_property: { zh: '房产物业', en: 'Housing & property management' },
  land_boundary: { zh: '地界权属', en: 'Land boundary & ownership' },
  nuisance: { zh: '噪音污染排水', en: 'Noise, pollution & drainage' },
  debt: { zh: '债务合同', en: 'Debts & contracts' },
  labour: { zh: '劳资纠纷', en: 'Labour & wages' },
  traffic: { zh: '交通事故', en: 'Traffic accidents' },
  other: { zh: '其他', en: 'Other' },
};

/** Share of each type that carries a risk of turning criminal (民转刑): family and feud disputes most. */
export const CRIMINAL_RISK_SHARE: Record<DisputeType, number> = {
  neighbour: 0.14, marriage_family: 0.32, housing_property: 0.05, land_boundary: 0.18, nuisance: 0.04,
  debt: 0.08, labour: 0.06, traffic: 0.05, other: 0.03,
};

export const DISPUTE_STATUSES = ['reported', 'accepted', 'mediating', 'escalated', 'transferred', 'resolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const HANDLING_LEVELS = ['village', 'town', 'department'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, { zh: string; en: string }> = {
  reported: { zh: '已上报', en: 'Reported' }, accepted: { zh: '已受理', en: 'Accepted' }, mediating: { zh: '调解中', en: 'Mediating' },
  escalated: { zh: '已上报升级', en: 'Escalated' }, transferred: { zh: '已流转', en: 'Transferred' }, resolved: { zh: '已化解', en: 'Resolved' },
};

export const HANDLING_LEVEL_LABELS: Record<HandlingLevel, { zh: string; en: string }> = {
  village: { zh: '村（社区）级', en: 'Village / community' }, town: { zh: '乡镇（街道）级', en: 'Town / subdistrict' }, department: { zh: '部门', en: 'Department' },
};
