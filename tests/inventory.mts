import { startApp } from './helpers/app';
const t = await startApp({ listen: false });
const doc = (await t.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }>; security?: unknown; requestBody?: unknown; tags?: string[] }>> };
let n = 0;
for (const [p, ops] of Object.entries(doc.paths)) for (const [m, op] of Object.entries(ops)) {
  n++;
  const r = op.responses ?? {};
  const codes = Object.entries(r).map(([c, v]) => `${c}${v.content ? '' : '-'}`).join(',');
  console.log(m.toUpperCase().padEnd(6), p.padEnd(55), (op.security ? 'sec' : '   '), (op.requestBody ? 'body' : '    '), codes);
}
console.log(n);
await t.close();
