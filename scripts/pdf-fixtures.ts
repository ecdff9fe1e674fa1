// Writes the PDF fixtures of a seed range to a folder (PDF + known values), for looking at them, the viewer's e2e or the bench.
// npx tsx scripts/pdf-fixtures.ts DIR FROM TO [chromium|libreoffice]
import { writePdfFixtures } from '../test/fixtures/pdf-print';

const [dir = 'artifacts/pdf-fixtures', from = '0', to = '8', producer = 'chromium'] = process.argv.slice(2);
const fixtures = await writePdfFixtures(dir, Number(from), Number(to), producer as 'chromium' | 'libreoffice');
console.log(`wrote ${fixtures.length} fixtures to ${dir}`);
