// Cell accuracy and expected findings of the PDF reader on printed fixtures of a seed range.
// npx tsx scripts/pdf-score.ts FROM TO [chromium|libreoffice] [-v]
import { checkDoc } from '../lib/check';
import { pdfSource } from '../lib/read/pdf';
import { pdfPages } from '../lib/read/pdf-node';
import { convertWithSoffice, pdfFixture, printPdfs, scorePdf } from '../test/fixtures/pdf-print';

const [from = '0', to = '10', producer = 'chromium'] = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const verbose = process.argv.includes('-v');
const fixtures = Array.from({ length: Number(to) - Number(from) }, (_, i) => pdfFixture(Number(from) + i));
const pdfs = producer === 'chromium' ? await printPdfs(fixtures) : convertWithSoffice(fixtures);
let cells = 0;
let right = 0;
let missed = 0;
let falseErrors = 0;
let broken = 0;
for (const [i, f] of fixtures.entries()) {
  const result = checkDoc(pdfSource(await pdfPages(pdfs[i])));
  const s = scorePdf(f, result);
  cells += s.cells;
  right += s.right;
  missed += s.missed.length;
  broken += f.broken.length;
  falseErrors += s.falseErrors.length;
  const st = f.style;
  console.log(`${f.id} ${st.layout} ${st.ruled ? 'ruled' : 'plain'} ${st.tagged ? 'tagged' : 'untagged'} ${st.size}pt w${st.tableWidth} l${st.labelShare} ${st.footer}${st.runningHeader ? '+hdr' : ''}: ${s.right}/${s.cells} missed ${s.missed.length}/${f.broken.length} false ${s.falseErrors.length}`);
  if (verbose) {
    if (s.wrong.length) console.log('  wrong', JSON.stringify(s.wrong.slice(0, 12)));
    if (s.falseErrors.length) console.log('  false', JSON.stringify(s.falseErrors));
    if (s.missed.length) console.log('  missed', JSON.stringify(s.missed));
  }
}
console.log(`cells ${right}/${cells} = ${((100 * right) / cells).toFixed(2)} %; broken totals missed ${missed}/${broken}; false errors ${falseErrors}`);
