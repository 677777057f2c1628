/** Interface strings of analysts' area reports and the drawing tools. */
export const areaReportStrings = {
  zh: {
    hotspots: '热点分析（Gi*）', emerging: '时空热点趋势', hotspotsRule: 'Getis–Ord Gi*：按时段各网格纠纷数，邻域为网格本身及共边网格；仅标出显著（≥90%置信）的网格。',
    emergingRule: '按月计算各网格 Gi*，以 Mann–Kendall 检验趋势（p<0.1）：新增、连续、增强、持续、减弱、零星、振荡、历史。',
    hotspotGrids: '热点网格（Gi*）', coldspotGrids: '冷点',
    areaReport: '区域分析', areaReportTitle: '区域分析报告', drawPolygon: '多边形', drawRectangle: '矩形', drawCircle: '圆形', drawCancel: '取消绘制',
    drawHint: '先把地图移到目标区域，再在图上点击绘制', drawPolygonHint: '逐点单击勾画区域，双击或点回起点结束（Esc 取消）',
    drawRectangleHint: '单击一个角，再单击对角', drawCircleHint: '单击圆心，再单击圆周', reportThisArea: '本区域分析报告', makingReport: '正在生成报告…',
    areaKm2: '面积（平方千米）', gridsTouched: '涉及网格', gridsInside: '完全在区域内', householdsCovered: '覆盖户数（按面积折算）', populationCovered: '覆盖人口（按面积折算）',
    reportedInArea: '排查纠纷', resolvedInArea: '已化解', rateInArea: '当月调处化解率', villageShare: '村级化解占比', openInArea: '在办', overdueInArea: '超期',
    criminalInArea: '民转刑风险', repeatInArea: '重复纠纷', byLevel: '按办理层级', byStatus: '按状态', byMonth: '各月排查量', fourColour: '网格四色构成',
    cameraCoverage: '视频覆盖', withinM: '米内有视频点位', anyCamera: '任一视频', xueliang: '雪亮工程', pingan: '平安乡村', exportPdf: '导出 PDF', exportCsv: '导出 CSV',
    exportGeojson: '导出 GeoJSON', copyLink: '复制链接', linkCopied: '链接已复制', reportBy: '制作', gridsUnit: '个', householdsUnit: '户', casesUnit: '件',
  },
  en: {
    hotspots: 'Hot spots (Gi*)', emerging: 'Emerging hot spots', hotspotsRule: 'Getis–Ord Gi* of each grid’s disputes in the period; neighbourhood: the grid and the grids sharing a boundary; only significant grids (≥ 90% confidence) are drawn.',
    emergingRule: 'Gi* of every month, trend by Mann–Kendall (p < 0.1): new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical.',
    hotspotGrids: 'Hot-spot grids (Gi*)', coldspotGrids: 'cold',
    areaReport: 'Area report', areaReportTitle: 'Area report', drawPolygon: 'Polygon', drawRectangle: 'Rectangle', drawCircle: 'Circle', drawCancel: 'Cancel',
    drawHint: 'Move the map to the area first, then draw on it', drawPolygonHint: 'Click point by point; double-click or click the first point to finish (Esc cancels)',
    drawRectangleHint: 'Click one corner, then the opposite one', drawCircleHint: 'Click the centre, then a point on the circle', reportThisArea: 'Report on this area', makingReport: 'Making the report…',
    areaKm2: 'Area (km²)', gridsTouched: 'Grids touched', gridsInside: 'Grids inside', householdsCovered: 'Households (by area share)', populationCovered: 'Residents (by area share)',
    reportedInArea: 'Disputes found', resolvedInArea: 'Resolved', rateInArea: 'Monthly resolution rate', villageShare: 'Resolved at village level', openInArea: 'Open', overdueInArea: 'Overdue',
    criminalInArea: 'May turn criminal', repeatInArea: 'Repeat disputes', byLevel: 'By handling level', byStatus: 'By status', byMonth: 'Disputes per month', fourColour: 'Grids by risk level',
    cameraCoverage: 'Camera coverage', withinM: 'm to a camera', anyCamera: 'Any camera', xueliang: 'Xueliang', pingan: 'Safe village', exportPdf: 'PDF', exportCsv: 'CSV',
    exportGeojson: 'GeoJSON', copyLink: 'Copy link', linkCopied: 'Link copied', reportBy: 'by', gridsUnit: '', householdsUnit: '', casesUnit: '',
  },
};
