// Loads and checks the wall layouts in data/layouts/*.json: the schema, then that every panel sits inside the grid
// and no two panels overlap. A broken layout stops the start with the file and the JSON path.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { MAP_LAYERS, PANEL_KINDS, PANEL_STREAMS, type Layout } from '../protocol/layout';
import { ReferenceError, readChecked } from './load';

const literals = <T extends string>(list: readonly T[]) => Type.Union(list.map((v) => Type.Literal(v)));
const Cell = Type.Integer({ minimum: 1, maximum: 48 });

export const LayoutFile = Type.Object({
  id: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
  name_ru: Type.String({ minLength: 1 }),
  name_en: Type.String({ minLength: 1 }),
  grid: Type.Object({ cols: Cell, rows: Cell }),
  freshness: Type.Optional(Type.Partial(Type.Object(Object.fromEntries(PANEL_STREAMS.map((s) => [s, Type.Number({ exclusiveMinimum: 0 })]))))),
  panels: Type.Array(Type.Object({
    kind: literals(PANEL_KINDS),
    area: Type.Object({ col: Cell, row: Cell, cols: Cell, rows: Cell }),
    options: Type.Optional(Type.Object({
      layers: Type.Optional(Type.Array(literals(MAP_LAYERS))),
      rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 63 })),
      by: Type.Optional(literals(['overdue', 'response'] as const)),
      metric: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$' })),
      title_ru: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
      title_en: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
      min: Type.Optional(Type.Number()),
      max: Type.Optional(Type.Number()),
      maxAgeMinutes: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    }, { additionalProperties: false })),
  }, { additionalProperties: false }), { minItems: 1 }),
});

export const DEFAULT_LAYOUT = 'overview';

function checkPlacement(file: string, layout: Layout): void {
  const taken = new Map<string, number>();
  layout.panels.forEach((p, i) => {
    const { col, row, cols, rows } = p.area;
    if (col + cols - 1 > layout.grid.cols || row + rows - 1 > layout.grid.rows) {
      throw new ReferenceError(file, `/panels/${i}/area`, `panel "${p.kind}" leaves the ${layout.grid.cols}×${layout.grid.rows} grid`);
    }
    for (let c = col; c < col + cols; c++) for (let r = row; r < row + rows; r++) {
      const other = taken.get(`${c},${r}`);
      if (other !== undefined) throw new ReferenceError(file, `/panels/${i}/area`, `panel "${p.kind}" overlaps panel ${other} ("${layout.panels[other]!.kind}")`);
      taken.set(`${c},${r}`, i);
    }
  });
}

/** Reads and checks every layout file of a folder (data/layouts or data/scenes). */
export function loadLayoutDir(dir: string, what: string): Map<string, Layout> {
  if (!existsSync(dir)) throw new ReferenceError(dir, '', `folder not found (${what} live here)`);
  const layouts = new Map<string, Layout>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const layout = readChecked(file, LayoutFile) as Layout;
    if (`${layout.id}.json` !== name) throw new ReferenceError(file, '/id', `id "${layout.id}" must match the file name`);
    checkPlacement(file, layout);
    layout.panels.forEach((p, i) => {
      if ((p.kind === 'metric-stat' || p.kind === 'metric-gauge') && !p.options?.metric) {
        throw new ReferenceError(file, `/panels/${i}/options/metric`, `a ${p.kind} panel needs the indicator's key`);
      }
      const o = p.options;
      if (o?.min !== undefined && o.max !== undefined && o.min >= o.max) throw new ReferenceError(file, `/panels/${i}/options/max`, 'must be above min');
    });
    layouts.set(layout.id, layout);
  }
  return layouts;
}

export function loadLayouts(dataDir: string): Map<string, Layout> {
  const dir = path.join(dataDir, 'layouts');
  const layouts = loadLayoutDir(dir, 'the single-screen layouts');
  if (!layouts.has(DEFAULT_LAYOUT)) throw new ReferenceError(path.join(dir, `${DEFAULT_LAYOUT}.json`), '', 'file not found (the default layout)');
  return layouts;
}
