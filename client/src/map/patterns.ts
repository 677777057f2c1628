/**
 * Fill patterns that tell the risk levels apart without colour (colour-blind readers, poor projectors):
 * red = dense cross-hatch, orange = diagonal hatch, yellow = dots, blue = none. Drawn on a canvas at
 * start-up, so they work offline.
 */
import type { Map as MlMap } from 'maplibre-gl';

const SIZE = 16;

function draw(kind: 'cross' | 'diagonal' | 'dots', colour: string): ImageData {
  const c = document.createElement('canvas');
  c.width = c.height = SIZE;
  const g = c.getContext('2d')!;
  g.strokeStyle = colour; g.fillStyle = colour; g.lineWidth = 2;
  if (kind === 'dots') {
    g.beginPath(); g.arc(4, 4, 1.8, 0, 2 * Math.PI); g.arc(12, 12, 1.8, 0, 2 * Math.PI); g.fill();
  } else {
    g.beginPath();
    for (const o of [-SIZE, 0, SIZE]) { g.moveTo(o, SIZE); g.lineTo(o + SIZE, 0); }
    if (kind === 'cross') for (const o of [-SIZE, 0, SIZE]) { g.moveTo(o, 0); g.lineTo(o + SIZE, SIZE); }
    g.stroke();
  }
  return g.getImageData(0, 0, SIZE, SIZE);
}

export const PATTERN_IDS = { red: 'risk-pattern-red', orange: 'risk-pattern-orange', yellow: 'risk-pattern-yellow' } as const;

export function addRiskPatterns(map: MlMap): void {
  const add = (id: string, img: ImageData) => { if (!map.hasImage(id)) map.addImage(id, img, { pixelRatio: 1 }); };
  add(PATTERN_IDS.red, draw('cross', '#5b0010'));
  add(PATTERN_IDS.orange, draw('diagonal', '#6b3000'));
  add(PATTERN_IDS.yellow, draw('dots', '#6b5200'));
}
