// A temp copy of data/ with one JSON file edited, for tests of how broken reference data and layouts are refused.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './app';

export const dataDir = path.resolve(__dirname, '../../data');

/** Copies data/ to a temp folder, applies `edit` to one file (relative to data/), returns the folder and a remover. */
export function editedDataCopy<T = Record<string, unknown>>(file: string, edit: (json: T) => void): { dir: string; remove(): void } {
  const t = tempDir();
  cpSync(dataDir, t.dir, { recursive: true });
  const p = path.join(t.dir, file);
  const json = JSON.parse(readFileSync(p, 'utf8')) as T;
  edit(json);
  writeFileSync(p, JSON.stringify(json));
  return t;
}
