/**
 * Drawing an area on the map for a report: a polygon (click point by point; double-click or click the
 * first point to finish), a rectangle (two opposite corners) or a circle (centre, then a point on it).
 * An SVG over the map canvas takes the clicks while a tool is on (the map holds still) and draws the
 * sketch in screen space, re-projected as the map moves; with no tool it only outlines `shown` (the
 * area of the open report) and lets every event through. Esc cancels.
 */
import { useEffect, useReducer, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DrawnArea } from '../api/area-report-endpoints.ts';

export type DrawTool = 'polygon' | 'rectangle' | 'circle';
type LngLat = [number, number];

const EARTH_M = 6_371_008.8;
/** Great-circle distance in metres. */
function metres([x1, y1]: LngLat, [x2, y2]: LngLat): number {
  const r = Math.PI / 180;
  const a = Math.sin(((y2 - y1) * r) / 2) ** 2 + Math.cos(y1 * r) * Math.cos(y2 * r) * Math.sin(((x2 - x1) * r) / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.sqrt(a));
}

/** The area the clicked points make with `tool`, or null when not enough points yet. Exported for tests. */
export function areaOf(tool: DrawTool, pts: readonly LngLat[]): DrawnArea | null {
  if (tool === 'polygon') {
    // A double-click also clicks twice: drop repeated points.
    const ps = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
    return ps.length >= 3 ? { type: 'Polygon', coordinates: [[...ps, ps[0]].map(([x, y]) => [x, y])] } : null;
  }
  if (pts.length < 2) return null;
  const [a, b] = pts;
  if (tool === 'circle') return { type: 'Circle', center: a, radius_m: Math.round(metres(a, b)) };
  const [x0, x1, y0, y1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

interface Props {
  map: MapLibreMap | null;
  tool: DrawTool | null;
  /** Outlined when no tool is on: the open report's area. */
  shown: number[][][][] | null;
  onDone: (area: DrawnArea) => void;
  onCancel: () => void;
}

export function AreaDrawOverlay({ map, tool, shown, onDone, onCancel }: Props) {
  const [pts, setPts] = useState<LngLat[]>([]);
  const [hover, setHover] = useState<LngLat | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => { setPts([]); setHover(null); }, [tool]);
  useEffect(() => {
    if (!map) return;
    map.on('move', rerender);
    return () => { map.off('move', rerender); };
  }, [map]);
  useEffect(() => {
    if (!tool) return;
    const esc = (e: KeyboardEvent) => { if (e.key === 'Escape') onCancel(); };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [tool, onCancel]);
  if (!map || (!tool && !shown)) return null;

  const project = (p: LngLat) => { const q = map.project(p); return `${q.x.toFixed(1)},${q.y.toFixed(1)}`; };
  const at = (e: React.MouseEvent): LngLat => {
    const r = map.getCanvas().getBoundingClientRect();
    const ll = map.unproject([e.clientX - r.left, e.clientY - r.top]);
    return [Math.round(ll.lng * 1e6) / 1e6, Math.round(ll.lat * 1e6) / 1e6];
  };
  const finish = (all: LngLat[]) => {
    const area = tool ? areaOf(tool, all) : null;
    if (area) { setPts([]); onDone(area); }
  };
  const click = (e: React.MouseEvent) => {
    if (!tool) return;
    const p = at(e);
    if (tool === 'polygon' && pts.length >= 3) {
      const first = map.project(pts[0]), here = map.project(p);
      if (Math.hypot(first.x - here.x, first.y - here.y) < 10) return finish(pts);
    }
    const next = [...pts, p];
    if (tool !== 'polygon' && next.length === 2) return finish(next);
    setPts(next);
  };
  const sketch = tool ? areaOf(tool, hover ? [...pts, hover] : pts) : null;
  const ring = (r: number[][]) => r.map((p) => project(p as LngLat)).join(' ');
  let shape: React.ReactElement | null = null;
  if (sketch?.type === 'Polygon') shape = <polygon points={ring(sketch.coordinates[0])} className="draw-area" />;
  else if (sketch?.type === 'Circle') {
    const c = map.project(sketch.center), edge = map.project(hover ?? pts[1] ?? sketch.center);
    shape = <circle cx={c.x} cy={c.y} r={Math.hypot(edge.x - c.x, edge.y - c.y)} className="draw-area" />;
  } else if (tool && pts.length) shape = <polyline points={[...pts, ...(hover ? [hover] : [])].map(project).join(' ')} className="draw-line" />;
  return (
    <svg className={`area-draw${tool ? ' drawing' : ''}`} data-testid="area-draw" data-tool={tool ?? ''} data-points={pts.length}
      onClick={click} onMouseMove={(e) => tool && setHover(at(e))} onDoubleClick={(e) => { e.preventDefault(); if (tool === 'polygon') finish(pts); }}>
      {!tool && shown?.map((poly, i) => poly.map((r, j) => <polygon key={`${i}-${j}`} points={ring(r)} className="report-area" />))}
      {shape}
      {tool && pts.map((p, i) => { const q = map.project(p); return <circle key={i} cx={q.x} cy={q.y} r={4} className="draw-vertex" />; })}
    </svg>
  );
}
