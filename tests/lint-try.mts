import { startApp } from './helpers/app';
import { lintFromString, createConfig } from '@redocly/openapi-core';
const t = await startApp({ listen: false });
const doc = (await t.app.inject({ url: '/docs/json' })).body;
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: doc, absoluteRef: 'openapi.json', config });
const bySeverity: Record<string, number> = {};
const byRule: Record<string, number> = {};
for (const p of problems) { bySeverity[p.severity] = (bySeverity[p.severity] ?? 0) + 1; byRule[`${p.severity}:${p.ruleId}`] = (byRule[`${p.severity}:${p.ruleId}`] ?? 0) + 1; }
console.log(bySeverity, byRule);
for (const p of problems.filter((x) => x.severity === 'error').slice(0, 15)) console.log(p.ruleId, p.message, p.location[0]?.pointer);
await t.close();
