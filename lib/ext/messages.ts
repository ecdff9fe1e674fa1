// Messages between the page scripts, the background and the popup (zod-checked at every boundary).
// zod/mini: the same checks at a fraction of the size, so the engine script compiles fast on each page.
// The schemas are built on first use: the engine should not pay for them before it needs them.
import * as z from 'zod/mini';

const makeSchemas = () => {
  const Counts = z.object({ errors: z.int(), warnings: z.int(), infos: z.int() });
  const State = z.enum(['checking', 'done', 'not-report', 'failed']);
  const Summary = z.object({
    state: State,
    title: z.nullable(z.string()),
    year: z.nullable(z.number()),
    format: z.nullable(z.string()),
    counts: Counts,
    /** Our first failure on this page, in both languages (the popup speaks the user's). */
    notice: z.nullable(z.object({ zh: z.string(), en: z.string() })),
  });
  // A table picture read by OCR, as the offscreen document sends it back (anchors without their element).
  const Token = z.object({
    kind: z.enum(['text', 'number', 'blank', 'invalid']),
    raw: z.string(),
    value: z.optional(z.number()),
    unit: z.optional(z.string()),
    cell: z.boolean(),
    ocr: z.optional(z.boolean()),
    confident: z.boolean(),
    anchor: z.object({ kind: z.literal('image'), image: z.null(), x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  });
  const PictureLine = z.object({ tokens: z.array(Token), text: z.string(), prose: z.boolean(), rowEnd: z.boolean(), anchor: Token.shape.anchor });
  const PictureFailure = z.object({ ok: z.literal(false), code: z.enum(['fetch', 'decode', 'ocr', 'cancelled', 'unavailable']), message: z.string() });
  const PictureReply = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), width: z.int(), height: z.int(), lines: z.array(PictureLine) }), PictureFailure]);
  // What the page takes of an answer the background already checked whole (parsePictureReply): its
  // form, not each of its thousands of tokens (a cold zod pass over them was 10–20 ms in the page).
  const PictureReplyForm = z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), width: z.int(), height: z.int(), lines: z.array(z.looseObject({ tokens: z.array(z.unknown()), text: z.string() })) }),
    PictureFailure,
  ]);
  const Message = z.discriminatedUnion('type', [
    /** detector -> background: this frame holds a report, load the engine here. */
    // draft: the report is a draft in an editor's frame (lib/ext/editor.ts), checked from the page holding the frame.
    z.object({ type: z.literal('report-detected'), title: z.nullable(z.string()), draft: z.optional(z.boolean()) }),
    // The detector's first look named a report: load its closer look (entrypoints/classify.ts) into the frame.
    z.object({ type: z.literal('classify'), at: z.optional(z.number()) }),
    /** engine -> background: the result for this frame (for the toolbar badge). */
    z.object({ type: z.literal('result'), summary: Summary }),
    /** popup -> background: check the active tab now (activeTab grant). */
    z.object({ type: z.literal('check-tab'), tabId: z.int() }),
    /** popup/background -> engine: what did you find? */
    z.object({ type: z.literal('get-summary') }),
    /** settings changed: re-register automatic checking. */
    z.object({ type: z.literal('settings-changed') }),
    /** engine -> background: read this table picture (its address, or its bytes as a data: URL). */
    z.object({ type: z.literal('ocr-picture'), src: z.string() }),
    /** engine -> background: stop reading pictures. */
    z.object({ type: z.literal('ocr-cancel') }),
    /** background -> offscreen document: the same two, addressed to the OCR page only. */
    z.object({ type: z.literal('offscreen-read'), src: z.string() }),
    z.object({ type: z.literal('offscreen-cancel') }),
    /**
     * detector or report UI -> background: this frame links report files (PDF, Word): load the light
     * script of their controls (`pageIsReport`: the report UI found a report here).
     */
    z.object({ type: z.literal('attachments-detected'), pageIsReport: z.optional(z.boolean()) }),
    /** detector -> background: this tab shows a PDF in the browser's own viewer (badge 「PDF」, popup offer). */
    z.object({ type: z.literal('pdf-tab'), url: z.string() }),
    /**
     * page controls / popup -> background: open our viewer on this file in a tab next to the page's
     * (the popup names its tab; a page's own tab is the sender's). referer: the page that links it.
     */
    z.object({ type: z.literal('open-viewer'), url: z.string(), referer: z.nullable(z.string()), tabId: z.optional(z.int()), alt: z.optional(z.array(z.string())) }),
    /** popup -> background: what the background knows of a tab (a PDF shown) and of the automatic PDF setting. */
    z.object({ type: z.literal('tab-info'), tabId: z.int() }),
    /** panel (a page, the viewer) -> background: open the audit page (「批量核查」). */
    z.object({ type: z.literal('open-audit') }),
  ]);
  /** The background's answer to tab-info. */
  const TabInfo = z.object({
    /** The PDF this tab shows in the browser's viewer, if any. */
    pdf: z.nullable(z.string()),
    /** The browser can redirect PDFs by their response headers (Chrome 128+), so the setting can work. */
    redirectSupported: z.boolean(),
  });
  return { Counts, State, Summary, Message, PictureReply, PictureReplyForm, TabInfo };
};

let cache: ReturnType<typeof makeSchemas> | null = null;
export const schemas = () => (cache ??= makeSchemas());

type S = ReturnType<typeof makeSchemas>;
export type Counts = z.infer<S['Counts']>;
export type CheckState = z.infer<S['State']>;
export type Summary = z.infer<S['Summary']>;
export type Message = z.infer<S['Message']>;
export type PictureReply = z.infer<S['PictureReply']>;
export type TabInfo = z.infer<S['TabInfo']>;

export function parseMessage(raw: unknown): Message | null {
  const r = schemas().Message.safeParse(raw);
  return r.success ? r.data : null;
}

export function parseSummary(raw: unknown): Summary | null {
  const r = schemas().Summary.safeParse(raw);
  return r.success ? r.data : null;
}

const NO_ANSWER: PictureReply = { ok: false, code: 'unavailable', message: 'no answer from the OCR page' };

/** The OCR page's answer, checked whole: in the background, where it arrives. */
export function parsePictureReply(raw: unknown): PictureReply {
  const r = schemas().PictureReply.safeParse(raw);
  return r.success ? r.data : NO_ANSWER;
}

/**
 * The background's answer to a picture (the page's or the desk's), whose lines the background checked whole
 * (parsePictureReply) before it answered: here, its form only.
 */
export function parseCheckedPictureReply(raw: unknown): PictureReply {
  const r = schemas().PictureReplyForm.safeParse(raw);
  return r.success ? (r.data as PictureReply) : NO_ANSWER;
}

export function parseTabInfo(raw: unknown): TabInfo {
  const r = schemas().TabInfo.safeParse(raw);
  return r.success ? r.data : { pdf: null, redirectSupported: false };
}
