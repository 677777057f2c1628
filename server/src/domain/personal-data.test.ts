import { describe, expect, it } from 'vitest';
import {
  applyPersonalPolicy, contactCardUnderPolicy, maskValue, PARTY_FIELDS, personalPolicyOf, type PersonalKind,
} from './personal-data.ts';
import { USER_ROLES } from './user-roles.ts';

describe('personal-data policy by role', () => {
  it.each([
    ['commander', 'full'], ['town_leader', 'full'], ['grid_worker', 'full'], ['department_officer', 'full'], ['analyst', 'masked'], ['display', 'none'],
  ] as const)('%s → %s', (role, policy) => {
    expect(personalPolicyOf(role)).toBe(policy);
  });
  it('covers every role', () => {
    for (const r of USER_ROLES) expect(['full', 'masked', 'none']).toContain(personalPolicyOf(r));
  });
});

describe('maskValue', () => {
  const cases: [PersonalKind, string, string][] = [
    ['name', '张伟', '张*'],
    ['name', '欧阳小明', '欧***'],
    ['name', '李', '*'],
    ['phone', '13812345678', '138****5678'],
    ['phone', '0933-8212345', '093*****2345'],
    ['phone', '1234567', '*******'],
    ['id_number', '620802199001011234', '620802***********4'],
    ['address', '中街社区12号楼3单元1201室', '中街社区12***'],
    ['address', '柳湖社区', '****'],
  ];
  it.each(cases)('%s %s → %s', (kind, value, masked) => {
    expect(maskValue(kind, value)).toBe(masked);
    // Masking never returns the value itself, and keeps its length (characters, not bytes) except addresses.
    expect(maskValue(kind, value)).not.toBe(value);
  });
});

describe('applyPersonalPolicy', () => {
  const party = { role: 'applicant', name: '王芳', phone: '13900001111', id_number: '620802198502023456', address: '崆峒镇十里铺村3组45号' };
  it('full: unchanged, and says personal data went out', () => {
    const r = applyPersonalPolicy('full', party, PARTY_FIELDS);
    expect(r.value).toEqual(party);
    expect(r.personal).toBe(true);
  });
  it('masked: every personal field masked, others kept, not personal', () => {
    const r = applyPersonalPolicy('masked', party, PARTY_FIELDS);
    expect(r.value).toEqual({ role: 'applicant', name: '王*', phone: '139****1111', id_number: '620802***********6', address: '崆峒镇十里铺***' });
    expect(r.personal).toBe(false);
  });
  it('none: every personal field null', () => {
    const r = applyPersonalPolicy('none', party, PARTY_FIELDS);
    expect(r.value).toEqual({ role: 'applicant', name: null, phone: null, id_number: null, address: null });
    expect(r.personal).toBe(false);
  });
  it('full with only empty values is not a personal read; absent fields stay absent', () => {
    const r = applyPersonalPolicy('full', { role: 'respondent', name: '', phone: null }, PARTY_FIELDS);
    expect(r.personal).toBe(false);
    expect('id_number' in r.value).toBe(false);
  });
  it('does not change the record passed in', () => {
    const copy = { ...party };
    applyPersonalPolicy('masked', party, PARTY_FIELDS);
    expect(party).toEqual(copy);
  });
});

describe('contactCardUnderPolicy', () => {
  const card = { grid_worker: { name: '赵敏', phone: '13700002222', type: 'full_time' }, police: { name: '钱亮', phone: '13600003333' }, cadre: { name: '孙丽', phone: '13500004444' } };
  it('masks names and phones for analysts, keeps the worker type', () => {
    const r = contactCardUnderPolicy('masked', card);
    expect(r.value).toEqual({ grid_worker: { name: '赵*', phone: '137****2222', type: 'full_time' }, police: { name: '钱*', phone: '136****3333' }, cadre: { name: '孙*', phone: '135****4444' } });
    expect(r.personal).toBe(false);
  });
  it('leaves nothing for displays', () => {
    expect(JSON.stringify(contactCardUnderPolicy('none', card).value)).not.toMatch(/赵|钱|孙|1[3-9]\d{9}/);
  });
  it('full is personal', () => {
    expect(contactCardUnderPolicy('full', card)).toEqual({ value: card, personal: true });
  });
});
