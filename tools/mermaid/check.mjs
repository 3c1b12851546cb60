// Parses Mermaid files with Mermaid's own parser (in a jsdom window), to check what ecograph
// writes: cd tools/mermaid && npm install && node check.mjs FILE.mmd... (exit 1 on a parse error).
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!DOCTYPE html><body></body>');
global.window = dom.window; global.document = dom.window.document;
global.DOMPurify = (await import('dompurify')).default(dom.window);
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const f of process.argv.slice(2)) {
  try { await mermaid.parse(fs.readFileSync(f, 'utf8')); console.log('ok', f); }
  catch (e) { bad++; console.log('FAIL', f, String(e.message || e).slice(0, 500)); }
}
process.exit(bad ? 1 : 0);
