// pdf.js in the viewer: the library, its viewer components, and a document opened from bytes. All
// assets come from the extension itself (wxt.config.ts PDF_ASSETS).
import { browser } from 'wxt/browser';

type PdfjsLib = typeof import('pdfjs-dist');
type ViewerModule = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

let loaded: Promise<{ pdfjs: PdfjsLib; components: ViewerModule }> | null = null;

const asset = (path: string) => browser.runtime.getURL(`/pdfjs/${path}` as never);

/** pdf_viewer.mjs reads globalThis.pdfjsLib when it is evaluated: the library first, then the components. */
export function loadPdfjs() {
  loaded ??= (async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = asset('pdf.worker.min.mjs');
    (globalThis as { pdfjsLib?: PdfjsLib }).pdfjsLib = pdfjs;
    const components = await import('pdfjs-dist/web/pdf_viewer.mjs');
    await import('pdfjs-dist/web/pdf_viewer.css');
    return { pdfjs, components };
  })();
  return loaded;
}

export class PdfOpenError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly needsPassword = false,
  ) {
    super(en);
  }
}

/** Opens a PDF from its bytes (pdf.js takes the buffer over: a copy is given). */
export async function openPdf(bytes: Uint8Array, password?: string) {
  const { pdfjs } = await loadPdfjs();
  try {
    return await pdfjs.getDocument({
      data: bytes.slice(),
      password,
      cMapUrl: asset('cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: asset('standard_fonts/'),
      wasmUrl: asset('wasm/'),
      iccUrl: asset('iccs/'),
      isEvalSupported: false,
      enableXfa: false,
      useSystemFonts: false,
      // Images decoded and converted by pdf.js's own code, as in Node: the pixels OCR reads from a
      // scan are then the command line's (the browser's decoders can differ by a grey level).
      isImageDecoderSupported: false,
      isOffscreenCanvasSupported: false,
      // As in Node (lib/read/pdf-render-node.ts PDF_CANVAS_MAX_BYTES): JPEG 2000 decoded at the same size.
      canvasMaxAreaInBytes: 2 ** 28,
    }).promise;
  } catch (e) {
    const err = e as Error & { code?: number };
    if (err.name === 'PasswordException')
      throw new PdfOpenError(err.code === 2 ? 'PDF 密码不正确' : 'PDF 文件已加密，需要密码', err.code === 2 ? 'Wrong PDF password' : 'The PDF is encrypted and needs a password', true);
    throw new PdfOpenError(`PDF 文件已损坏，无法读取（${err.message}）`, `The PDF is damaged and cannot be read (${err.message})`);
  }
}
