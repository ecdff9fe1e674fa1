// Writes the old-format Word fixtures (test/fixtures/doc-files/*.gz): .docx files of the fixture
// generator (test/fixtures/docx.ts) converted by LibreOffice, an independent writer, to Word 97
// (.doc), RTF and Word 2003 XML. Run after changing the generator: npx tsx scripts/word-fixtures.ts
// Needs soffice (Debian: apt-get install -y --no-install-recommends libreoffice-writer-nogui).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DOC_FILES_DIR, DOC_FIXTURES } from '../test/fixtures/doc-files';
import { generatedReport, writeDocx } from '../test/fixtures/docx';
import { loadSeed, type SeedId } from '../test/fixtures/render';

const FILTERS = { doc: 'doc:MS Word 97', rtf: 'rtf', xml: 'xml:MS Word 2003 XML' } as const;

const work = mkdtempSync(join(tmpdir(), 'word-fixtures-'));
try {
  for (const f of DOC_FIXTURES) {
    const data = f.source.kind === 'generated' ? generatedReport(f.source.seed).data : loadSeed(f.source.id as SeedId);
    const docx = join(work, `${f.name}.docx`);
    // Numbers typed, as most agencies type them, unless the fixture is about list numbers.
    writeFileSync(docx, await writeDocx(data, f.layoutSeed, { numbering: f.numbering ?? false }));
    const out = join(work, f.format);
    execFileSync('soffice', ['--headless', '--convert-to', FILTERS[f.format], '--outdir', out, docx], { stdio: 'ignore' });
    const made = readdirSync(out).find((n) => n.startsWith(`${f.name}.`))!;
    writeFileSync(join(DOC_FILES_DIR, `${f.name}.${f.format}.gz`), gzipSync(readFileSync(join(out, made)), { level: 9 }));
    console.log(`${f.name}.${f.format}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
