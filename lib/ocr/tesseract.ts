// The Recognizer on tesseract.js, the same in Node (the command line) and in the extension (an
// offscreen document on Chrome, the background page on Firefox). Only the file locations differ.
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { Gray } from './image';
import type { OcrWord, Recognizer } from './table';

export interface TesseractPaths {
  /** Folder holding chi_sim.traineddata.gz. */
  langPath: string;
  /** Browser only: the bundled worker script and core (never the CDN defaults). */
  workerPath?: string;
  corePath?: string;
}

export interface ClosableRecognizer extends Recognizer {
  close(): Promise<void>;
}

/** How long starting a worker may take: with a wrong CSP `createWorker` never settles. */
const START_TIMEOUT_MS = 30_000;

/** A gray picture as PGM: Leptonica reads it natively, and it costs nothing to write (no PNG encoder). */
export function toPgm(img: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head);
  out.set(img.data, head.length);
  return out;
}

function withMargin(img: Gray, m: number): Gray {
  const width = img.width + 2 * m;
  const height = img.height + 2 * m;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + m) * width + m);
  return { width, height, data };
}

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not start within ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function worker(paths: TesseractPaths, params: Record<string, string>): Promise<Worker> {
  // Positional options: an options object in second place is ignored and the CDN defaults return.
  const options = { ...paths, gzip: true, cacheMethod: 'none', ...(paths.workerPath ? { workerBlobURL: false } : {}) };
  const w = await timeout(createWorker('chi_sim', OEM.LSTM_ONLY, options), START_TIMEOUT_MS, 'The OCR engine');
  await w.setParameters(params);
  return w;
}

/** What a call on a closed recognizer rejects with: the reading was stopped, not failed. */
export class RecognizerClosed extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Calls to tesseract.js workers that stop with the recognizer. tesseract.js posts a job to its
 * worker after a microtask, in an async function whose rejection nobody awaits: a job started after
 * `terminate()` throws "worker is null" as an unhandled rejection in the page, and a job under way at
 * `terminate()` never settles. A reading that goes on after a cancel (the table reader between two
 * calls) therefore gets RecognizerClosed instead: before a call, or at once for a call under way.
 */
export function closableCalls() {
  let closed = false;
  let stop: (e: RecognizerClosed) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  // Nobody may be waiting when it closes.
  stopped.catch(() => {});
  return {
    call<T>(job: () => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new RecognizerClosed());
      return Promise.race([job(), stopped]);
    },
    /** Marks it closed (later calls reject without touching a worker), then settles the calls under way. */
    close() {
      closed = true;
      stop(new RecognizerClosed());
    },
    get closed() {
      return closed;
    },
  };
}

export async function tesseractRecognizer(paths: TesseractPaths): Promise<ClosableRecognizer> {
  const [text, digits] = await Promise.all([
    worker(paths, { tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' }),
    worker(paths, { tessedit_pageseg_mode: PSM.SINGLE_LINE, tessedit_char_whitelist: '0123456789.' }),
  ]);
  const calls = closableCalls();
  const { call } = calls;
  return {
    async words(img) {
      const r = await call(() => text.recognize(toPgm(img) as never, {}, { blocks: true, text: false }));
      const out: OcrWord[] = [];
      for (const b of r.data.blocks ?? [])
        for (const p of b.paragraphs)
          for (const l of p.lines) for (const w of l.words) out.push({ text: w.text, confidence: w.confidence, ...w.bbox });
      return out;
    },
    async digits(img) {
      if (img.width < 4 || img.height < 4) return { text: '', confidence: 0 };
      // Tesseract reads a lone glyph far better with a white margin around it.
      const pgm = toPgm(withMargin(img, Math.max(8, Math.round(img.height * 0.4))));
      const r = await call(() => digits.recognize(pgm as never, {}, { text: true }));
      const found = r.data.text.trim();
      if (found) return { text: found, confidence: r.data.confidence };
      // Nothing on a line: a single "1" is often missed that way; ask for one character.
      await call(() => digits.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_CHAR }));
      const one = await call(() => digits.recognize(pgm as never, {}, { text: true }));
      await call(() => digits.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE }));
      return { text: one.data.text.trim(), confidence: one.data.confidence };
    },
    async close() {
      if (calls.closed) return;
      calls.close();
      // A job started in this task posts itself to its worker a few microtasks later: terminated
      // before that, tesseract.js would post to a null worker (an unhandled rejection). One task on.
      await new Promise((r) => setTimeout(r, 0));
      await Promise.all([text.terminate(), digits.terminate()]);
    },
  };
}
