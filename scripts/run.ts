import { readFileSync } from 'node:fs';
import { readText } from '../lib/read/text';
import { checkDoc } from '../lib/check';
for (const file of process.argv.slice(2)) {
  const res = checkDoc(readText(readFileSync(file, 'utf8')));
  console.log('####', file, res.report?.title, res.report?.year, res.report?.format);
  for (const f of res.findings) console.log(`  [${f.severity}] ${f.rule}: ${f.message.zh}`);
  for (const n of res.notices) console.log('  NOTICE', n.zh);
}
