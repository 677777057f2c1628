/** Interface strings: Chinese (default) and English. Keys are English identifiers. */
import type { Lang } from '../state/url-state.ts';
import { DISPUTE_STATUS_LABELS, DISPUTE_TYPE_LABELS, HANDLING_LEVEL_LABELS } from '@domain/dispute-types.ts';
import { workflowStrings } from './workflow-strings.ts';
import { areaReportStrings } from './area-report-strings.ts';

/** typeneighbour → 邻里纠纷, statusresolved → 已化解, levelvillage → 村（社区）级 …, from the one list of each in the domain. */
const typeLabels = (lang: Lang) => ({
  ...Object.fromEntries(Object.entries(DISPUTE_TYPE_LABELS).map(([k, v]) => [`type${k}`, v[lang]])),
  ...Object.fromEntries(Object.entries(DISPUTE_STATUS_LABELS).map(([k, v]) => [`status${k}`, v[lang]])),
  ...Object.fromEntries(Object.entries(HANDLING_LEVEL_LABELS).map(([k, v]) => [`level${k}`, v[lang]])),
});

const zh = {
  appTitle: '平安一张图', district: '崆峒区', synthetic: '合成演示数据', search: '搜索乡镇、村社区、网格、设施（名称或编码）',
  layers: '图层', legend: '图例', towns: '乡镇（街道）', villages: '村（社区）', grids: '网格', risk: '四色预警', disputes: '矛盾纠纷',
  'cameras-xueliang': '雪亮工程视频', 'cameras-pingan': '平安乡村监控点', 'monitoring-rooms': '村级监控室', 'police-stations': '派出所',
  'police-workrooms': '警务工作室', 'mediation-rooms': '调解室', 'legal-stations': '公共法律服务站', 'governance-centres': '综治中心',
  clusters: '聚合', heatmap: '热力图', hexagons: '六边形', hotspotMode: '纠纷显示方式',
  period: '时段', play: '播放', pause: '暂停', back: '返回', close: '关闭', loading: '加载中…', noData: '暂无数据',
  contactCard: '平安崆峒联心卡', gridWorker: '网格员', fullTime: '专职', partTime: '兼职', policeOfficer: '社区民警', cadre: '社区干部',
  households: '户数', population: '人口', riskLevel: '风险等级', why: '预警原因', openDisputes: '在办纠纷', byType: '按类型',
  camerasInside: '网格内视频', nearestCameras: '最近的视频点位', nearestMediation: '最近的调解室', nearestWorkroom: '最近的警务工作室',
  type: '类型', status: '状态', reportedAt: '上报时间', resolvedAt: '化解时间', dueAt: '办理时限', level: '办理层级', handler: '承办单位',
  history: '办理经过', metres: '米', overdue: '已超期', criminalRisk: '有民转刑风险', repeat: '重复纠纷', children: '下辖',
  language: 'English', noReasons: '各项指标均低于黄色阈值', unmarked: '无标记', zoomTo: '定位', openCount: '在办', total: '合计', noneOpen: '无在办纠纷', whoResponsible: '责任人',
  kindtown: '乡镇（街道）', kindsubdistrict: '街道', kindtownship: '乡', kindvillage: '村', kindcommunity: '社区', kindgrid: '网格', kinddistrict: '区', kindmediation_room: '调解室', kindpolice_workroom: '警务工作室', kindlegal_station: '公共法律服务站',
  basemap: '底图', basemapOffline: '离线底图（本地数据）', mapError: '地图无法加载', riskRule: '由在办、超期、民转刑风险、重复、升级和趋势等指标计算',
};

type Strings = typeof zh;

const en: Strings = {
  appTitle: 'Pingan Map', district: 'Kongtong District', synthetic: 'Synthetic demo data', search: 'Search towns, villages, grids, facilities (name or code)',
  layers: 'Layers', legend: 'Legend', towns: 'Towns', villages: 'Villages', grids: 'Grids', risk: 'Four-colour risk', disputes: 'Disputes',
  'cameras-xueliang': 'Xueliang video', 'cameras-pingan': 'Safe-village cameras', 'monitoring-rooms': 'Village monitoring rooms', 'police-stations': 'Police stations',
  'police-workrooms': 'Police workrooms', 'mediation-rooms': 'Mediation rooms', 'legal-stations': 'Legal service stations', 'governance-centres': 'Governance centres',
  clusters: 'Clusters', heatmap: 'Heatmap', hexagons: 'Hexagons', hotspotMode: 'Show disputes as',
  period: 'Period', play: 'Play', pause: 'Pause', back: 'Back', close: 'Close', loading: 'Loading…', noData: 'No data',
  contactCard: 'Contact card', gridWorker: 'Grid worker', fullTime: 'full-time', partTime: 'part-time', policeOfficer: 'Community police', cadre: 'Community cadre',
  households: 'Households', population: 'Population', riskLevel: 'Risk level', why: 'Why', openDisputes: 'Open disputes', byType: 'By type',
  camerasInside: 'Cameras in grid', nearestCameras: 'Nearest cameras', nearestMediation: 'Nearest mediation room', nearestWorkroom: 'Nearest police workroom',
  type: 'Type', status: 'Status', reportedAt: 'Reported', resolvedAt: 'Resolved', dueAt: 'Due', level: 'Level', handler: 'Handled by',
  history: 'History', metres: 'm', overdue: 'Overdue', criminalRisk: 'May turn criminal', repeat: 'Repeat', children: 'Contains',
  language: '中文', noReasons: 'Every indicator is below the yellow threshold', unmarked: 'unmarked', zoomTo: 'Zoom to', openCount: 'open', total: 'Total', noneOpen: 'No open disputes', whoResponsible: 'Responsible',
  kindtown: 'Town', kindsubdistrict: 'Subdistrict', kindtownship: 'Township', kindvillage: 'Village', kindcommunity: 'Community', kindgrid: 'Grid', kinddistrict: 'District', kindmediation_room: 'Mediation room', kindpolice_workroom: 'Police workroom', kindlegal_station: 'Legal service station',
  basemap: 'Basemap', basemapOffline: 'Offline (own data)', mapError: 'The map could not load', riskRule: 'From open, overdue, may-turn-criminal, repeat, escalated disputes and the trend',
};

export type StringKey = keyof Strings;
export const STRINGS: Record<Lang, Strings & Record<string, string>> = {
  zh: { ...zh, ...typeLabels('zh'), ...workflowStrings.zh, ...areaReportStrings.zh }, en: { ...en, ...typeLabels('en'), ...workflowStrings.en, ...areaReportStrings.en },
};

export function translate(lang: Lang, key: string): string {
  return (STRINGS[lang] as Record<string, string>)[key] ?? key;
}
