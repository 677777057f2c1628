/** Strings of the ledger & ranking screen (月调度 / 季通报 / 常态督导): Chinese (default) and English. */
const zh: Record<string, string> = {
  screenTitle: '台账与排名', tabLedger: '一表一帐（月调度）', tabRanking: '季通报排名', close: '关闭，返回地图', loading: '加载中…', noData: '暂无数据',
  town: '乡镇（街道）', month: '月份', pickTown: '请选择乡镇（街道）', pickTownHint: '选择乡镇（街道）后查看该月矛盾纠纷台帐、清单统计表和化解率走势。',
  filterStatus: '状态', filterType: '类型', filterLevel: '办理层级', all: '全部', open: '未化解（在办）',
  exportCsv: '导出 CSV', supervisionPdf: '督导报告 PDF', exportCsvHint: '按当前筛选和排序导出台帐（Excel/WPS 可打开）', supervisionPdfHint: '该乡镇本月常态督导分析报告（包抓领导）',
  ledgerTitle: '矛盾纠纷台帐', ledgerCount: '共 {n} 条', ledgerAsOf: '截至 {t}', currentMonth: '（本月，实时）',
  colCode: '编号', colReported: '上报时间', colType: '类型', colVillage: '村（社区）', colGrid: '网格', colSummary: '简要情况', colLevel: '办理层级',
  colStatus: '状态', colHandler: '承办单位', colDue: '办理时限', colResolved: '化解时间', colOverdue: '超期',
  carried: '结转', carriedHint: '上月及以前结转的未化解纠纷', overdueMark: '已超期', notOverdue: '—', sortAsc: '升序', sortDesc: '降序', sortBy: '按{c}排序',
  openDispute: '在地图上查看纠纷 {code}', noRows: '本月无符合条件的纠纷',
  checklistTitle: '清单统计表', statTotal: '台帐合计', statFound: '本月排查', statCarriedOver: '上月结转', statResolvedThisMonth: '本月化解',
  statResolvedInMonth: '其中当月排查当月化解', statCarriedNext: '结转下月', statOverdue: '超期未化解', statRate: '当月调处化解率', statShares: '化解层级占比',
  byTypeStatus: '按类型 × 状态', typeCol: '类型', totalCol: '合计', sumRow: '合计',
  trendTitle: '当月调处化解率走势（近12个月）', trendTown: '本乡镇', trendDistrict: '全区', trendNoRate: '无排查',
  trendAria: '{town}近12个月当月调处化解率折线图，虚线为全区', found: '排查', resolvedInMonth: '当月化解',
  riskTitle: '四色预警历史（近12个月）', riskScore: '分值', riskNoReasons: '各项指标均低于黄色阈值',
  quarter: '季度', quarterInProgress: '（进行中）', rankTowns: '乡镇（街道）排名', rankDepartments: '职能部门排名',
  colRank: '名次', colName: '名称', colFound: '排查量', colResolvedQ: '当月化解', colRate: '化解率', colScore: '综合得分', colMark: '通报',
  bottomMark: '末位', bottomHint: '末位单位（季度通报点名）', scoreRule: '综合得分 = 0.8 × 化解率 + 0.2 × 排查量指数（排查量 ÷ 最大排查量 × 100）；化解率为季度内当月调处化解率（合计）。',
  mapTitle: '排名分布图', mapAria: '各乡镇（街道）按季度排名着色的地图；点击乡镇在地图上查看', legendRank: '名次（深色靠前）', legendBottom: '末位（斜线、红框）',
  showOnMap: '在地图上查看{name}：第{rank}名',
  levelShort_blue: '蓝', levelShort_yellow: '黄', levelShort_orange: '橙', levelShort_red: '红',
};

const en: Record<string, string> = {
  screenTitle: 'Ledger & ranking', tabLedger: 'Monthly ledger', tabRanking: 'Quarterly ranking', close: 'Close and return to the map', loading: 'Loading…', noData: 'No data',
  town: 'Town', month: 'Month', pickTown: 'Choose a town', pickTownHint: 'Choose a town to see its monthly dispute ledger, the checklist statistics and the resolution trend.',
  filterStatus: 'Status', filterType: 'Type', filterLevel: 'Level', all: 'All', open: 'Unresolved (open)',
  exportCsv: 'Export CSV', supervisionPdf: 'Supervision report PDF', exportCsvHint: 'The ledger with the current filters and order (opens in Excel/WPS)', supervisionPdfHint: 'The town’s monthly supervision report for its responsible leader',
  ledgerTitle: 'Dispute ledger', ledgerCount: '{n} rows', ledgerAsOf: 'as at {t}', currentMonth: ' (this month, live)',
  colCode: 'Code', colReported: 'Reported', colType: 'Type', colVillage: 'Village', colGrid: 'Grid', colSummary: 'Summary', colLevel: 'Level',
  colStatus: 'Status', colHandler: 'Handled by', colDue: 'Due', colResolved: 'Resolved', colOverdue: 'Overdue',
  carried: 'Carried over', carriedHint: 'Unresolved from an earlier month', overdueMark: 'Overdue', notOverdue: '—', sortAsc: 'ascending', sortDesc: 'descending', sortBy: 'Sort by {c}',
  openDispute: 'Show dispute {code} on the map', noRows: 'No dispute matches this month',
  checklistTitle: 'Checklist statistics', statTotal: 'Ledger total', statFound: 'Found this month', statCarriedOver: 'Carried over', statResolvedThisMonth: 'Resolved this month',
  statResolvedInMonth: 'of which found and resolved this month', statCarriedNext: 'Carried into next month', statOverdue: 'Overdue', statRate: 'Monthly resolution rate', statShares: 'Resolved by level',
  byTypeStatus: 'By type × status', typeCol: 'Type', totalCol: 'Total', sumRow: 'Total',
  trendTitle: 'Monthly resolution rate, last 12 months', trendTown: 'This town', trendDistrict: 'District', trendNoRate: 'none found',
  trendAria: 'Line chart of the monthly resolution rate of {town} over 12 months; dashed: the district', found: 'found', resolvedInMonth: 'resolved in month',
  riskTitle: 'Four-colour risk, last 12 months', riskScore: 'score', riskNoReasons: 'Every indicator is below the yellow threshold',
  quarter: 'Quarter', quarterInProgress: ' (in progress)', rankTowns: 'Towns', rankDepartments: 'Departments',
  colRank: 'Rank', colName: 'Name', colFound: 'Found', colResolvedQ: 'Resolved in month', colRate: 'Rate', colScore: 'Score', colMark: 'Circular',
  bottomMark: 'Bottom', bottomHint: 'At the bottom (named in the circular)', scoreRule: 'Score = 0.8 × resolution rate + 0.2 × found index (found ÷ the largest found × 100); the rate is the monthly resolution rate pooled over the quarter.',
  mapTitle: 'Ranking map', mapAria: 'Map of the towns coloured by their quarterly rank; choose a town to show it on the map', legendRank: 'Rank (darker is higher)', legendBottom: 'Bottom (hatched, red outline)',
  showOnMap: 'Show {name} on the map: rank {rank}',
  levelShort_blue: 'Blue', levelShort_yellow: 'Yellow', levelShort_orange: 'Orange', levelShort_red: 'Red',
};

export const ledgerStrings: { zh: Record<string, string>; en: Record<string, string> } = { zh, en };

export type LedgerT = (key: string, vars?: Record<string, string | number>) => string;

/** t(key, {n: 3}) in `lang`: '{n}' placeholders filled; an unknown key shows itself. */
export function ledgerT(lang: 'zh' | 'en'): LedgerT {
  const table = ledgerStrings[lang];
  return (key, vars) => {
    let s = table[key] ?? ledgerStrings.zh[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}
