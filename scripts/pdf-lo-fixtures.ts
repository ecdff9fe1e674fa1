// Writes the LibreOffice-converted PDF fixtures of test/pdf.test.ts (held-out seeds 7000–7003) to
// test/fixtures/pdf-files/, gzipped: CI has no LibreOffice, so the converted files are kept.
// Needs `soffice` (apt-get install -y libreoffice-writer-nogui). Usage: npx tsx scripts/pdf-lo-fixtures.ts
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { LO_DIR, LO_SEEDS } from '../test/fixtures/pdf-files';
import { convertWithSoffice, pdfFixture } from '../test/fixtures/pdf-print';

const fixtures = LO_SEEDS.map(pdfFixture);
convertWithSoffice(fixtures).forEach((pdf, i) => {
  const file = `${LO_DIR}${fixtures[i].seed}.lo.pdf.gz`;
  writeFileSync(file, gzipSync(pdf, { level: 9 }));
  console.log(file, pdf.length);
});
