/** Interface strings of the command-centre wall (/wall): zh-CN (default) and en. */
import type { Lang } from '../state/url-state.ts';
import { translate } from './strings.ts';

export const wallStrings = {
  zh: {
    wallTitle: '平安崆峒 · 矛盾纠纷态势', wallDistrict: '崆峒区综治中心', reportedToday: '今日上报', openNow: '在办纠纷', overdueNow: '超期未办',
    monthRate: '本月调处化解率', villageShare: '本月村级化解占比', redOrange: '红色 / 橙色区域', red: '红', orange: '橙', towns: '乡镇', villages: '村（社区）',
    grids: '网格', cases: '件', tourNow: '轮巡', tourNext: '下一站', tourOf: '第 {i} / {n} 站', level_red: '红色', level_orange: '橙色', level_yellow: '黄色',
    level_blue: '蓝色', score: '风险分', ticker: '实时动态', noActivity: '暂无新动态', updated: '数据更新', lastEvent: '最近动态', secondsAgo: '{n} 秒前',
    minutesAgo: '{n} 分钟前', never: '—', connected: '实时连接正常', reconnecting: '网络中断，正在重新连接…', retrying: '重连中', stale: '数据已超过 {n} 分钟未更新',
    liveCreated: '新上报', liveAction: '办理', letterEvent: '函件', riskPeriod: '风险时段', hotspotsLegend: '纠纷热点（Gi*，置信度%）', synthetic: '演示数据', rateNone: '—',
    act_report: '上报', act_accept: '受理', act_mediate: '调解', act_resolve: '化解', act_escalate: '上报上级', act_transfer: '流转', act_reopen: '重新办理',
  },
  en: {
    wallTitle: 'Safe Kongtong · Disputes', wallDistrict: 'Command centre', reportedToday: 'Reported today', openNow: 'Open now',
    overdueNow: 'Overdue', monthRate: 'Resolution rate this month', villageShare: 'Resolved at village level', redOrange: 'Red / orange areas', red: 'red',
    orange: 'orange', towns: 'Towns', villages: 'Villages', grids: 'Grids', cases: '', tourNow: 'Touring', tourNext: 'Next', tourOf: 'stop {i} of {n}',
    level_red: 'Red', level_orange: 'Orange', level_yellow: 'Yellow', level_blue: 'Blue', score: 'score', ticker: 'Live activity', noActivity: 'No new activity yet',
    updated: 'Data updated', lastEvent: 'Last event', secondsAgo: '{n} s ago', minutesAgo: '{n} min ago', never: '—', connected: 'Live link up',
    reconnecting: 'Network lost, reconnecting…', retrying: 'reconnecting', stale: 'No update for {n}+ min', liveCreated: 'New report', liveAction: 'Action',
    letterEvent: 'Letter', riskPeriod: 'Risk period', hotspotsLegend: 'Dispute hot spots (Gi*, confidence %)', synthetic: 'Demo data', rateNone: '—',
    act_report: 'reported', act_accept: 'accepted', act_mediate: 'mediating', act_resolve: 'resolved', act_escalate: 'escalated', act_transfer: 'transferred', act_reopen: 'reopened',
  },
};

/** A wall string in `lang`, else the app's own string of that key (status and letter names), else the key. */
export function wallT(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const own = (wallStrings[lang] as Record<string, string>)[key];
  let s = own ?? translate(lang, key);
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
