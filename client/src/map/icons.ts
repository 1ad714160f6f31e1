// The map's icons, drawn once on a canvas at start (nothing is fetched): a heading arrow for ambulances and a
// pictogram per incident type. White on transparent, used as masks and tinted by status or severity.
const CELL = 64;
export const ICON_NAMES = ['vehicle', 'road_accident', 'fire', 'forest_fire', 'outage_heat', 'outage_water', 'outage_power', 'flood', 'other'] as const;
export type IconName = (typeof ICON_NAMES)[number];

export interface IconAtlas {
  image: ImageData;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean; anchorX?: number; anchorY?: number }>;
}

type Draw = (c: CanvasRenderingContext2D) => void;

const DRAW: Record<IconName, Draw> = {
  vehicle: (c) => { c.beginPath(); c.moveTo(32, 4); c.lineTo(56, 58); c.lineTo(32, 46); c.lineTo(8, 58); c.closePath(); c.fill(); },
  road_accident: (c) => {
    c.beginPath(); c.roundRect(12, 26, 40, 16, 4); c.fill();
    c.beginPath(); c.moveTo(18, 26); c.lineTo(24, 16); c.lineTo(40, 16); c.lineTo(46, 26); c.fill();
    c.beginPath(); c.arc(21, 45, 5, 0, 7); c.arc(43, 45, 5, 0, 7); c.fill();
  },
  fire: (c) => {
    c.beginPath(); c.moveTo(32, 8); c.bezierCurveTo(46, 24, 50, 34, 46, 44); c.bezierCurveTo(42, 56, 22, 56, 18, 44);
    c.bezierCurveTo(15, 34, 22, 28, 26, 20); c.bezierCurveTo(28, 28, 30, 30, 32, 8); c.fill();
  },
  forest_fire: (c) => {
    c.beginPath(); c.moveTo(32, 6); c.lineTo(50, 34); c.lineTo(40, 34); c.lineTo(54, 52); c.lineTo(10, 52); c.lineTo(24, 34); c.lineTo(14, 34); c.closePath(); c.fill();
    c.fillRect(29, 50, 6, 8);
  },
  outage_heat: (c) => {
    c.beginPath(); c.roundRect(27, 8, 10, 34, 5); c.fill(); c.beginPath(); c.arc(32, 46, 10, 0, 7); c.fill();
  },
  outage_water: (c) => {
    c.beginPath(); c.moveTo(32, 6); c.bezierCurveTo(40, 20, 50, 30, 50, 40); c.arc(32, 40, 18, 0, Math.PI); c.bezierCurveTo(14, 30, 24, 20, 32, 6); c.fill();
  },
  outage_power: (c) => {
    c.beginPath(); c.moveTo(36, 4); c.lineTo(16, 36); c.lineTo(30, 36); c.lineTo(26, 60); c.lineTo(48, 26); c.lineTo(34, 26); c.closePath(); c.fill();
  },
  flood: (c) => {
    c.lineWidth = 6; c.lineCap = 'round';
    for (const y of [20, 34, 48]) {
      c.beginPath(); c.moveTo(8, y); c.bezierCurveTo(18, y - 8, 22, y + 8, 32, y); c.bezierCurveTo(42, y - 8, 46, y + 8, 56, y); c.stroke();
    }
  },
  other: (c) => { c.fillRect(28, 10, 8, 30); c.beginPath(); c.arc(32, 50, 5, 0, 7); c.fill(); },
};

export function drawIconAtlas(): IconAtlas {
  const canvas = document.createElement('canvas');
  canvas.width = CELL * ICON_NAMES.length; canvas.height = CELL;
  const c = canvas.getContext('2d')!;
  c.fillStyle = '#fff'; c.strokeStyle = '#fff';
  const mapping: IconAtlas['mapping'] = {};
  ICON_NAMES.forEach((name, i) => {
    c.save(); c.translate(i * CELL, 0); DRAW[name](c); c.restore();
    mapping[name] = { x: i * CELL, y: 0, width: CELL, height: CELL, mask: true };
  });
  return { image: c.getImageData(0, 0, canvas.width, canvas.height), mapping };
}

export const iconFor = (type: string): IconName => ((ICON_NAMES as readonly string[]).includes(type) && type !== 'vehicle' ? type as IconName : 'other');
