// Our UI's only stylesheet, inside the shadow root. `:host { all: initial !important }` wins over any
// page rule (important declarations of the inner context win), so page CSS cannot reach our UI.
export const SEVERITY_COLOR = { error: '#d32f2f', warning: '#ef6c00', info: '#1565c0' } as const;
/**
 * A finding the inspector excluded (「排除」): greyed wherever it is shown (dashed box, struck badge
 * and text); a confirmed one's badge is ringed green; both are tagged in the panel and the card.
 */
export const EXCLUDED_COLOR = '#9e9e9e';

/** The card's width, border and padding included (its left edge is placed so that all of it is seen). */
export const CARD_WIDTH = 380;

/** The Chinese UI faces of each system, its own first: a family it lacks costs a lookup per strike. */
const CJK_FACES = { mac: '"PingFang SC"', windows: '"Microsoft YaHei"', other: '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"' } as const;

/**
 * Our font stack on the system of `userAgent`. Chinese fonts first: our text is mostly Chinese, and
 * a Latin-first stack makes the browser look up a fallback font for every Chinese character on
 * first layout (tens of milliseconds on a long panel); the system's own face before the others,
 * which it does not have. One family in four strikes (12 and 14 px, regular and bold;
 * ui.e2e.test.ts holds us to it): each other size or weight is one more font lookup on our first
 * layout (a synchronous call to the browser each), in the page's frame.
 */
export function fontStack(userAgent: string): string {
  const own = /Mac OS X|iPhone|iPad/.test(userAgent) ? 'mac' : /Windows/.test(userAgent) ? 'windows' : 'other';
  const faces = [CJK_FACES[own], ...Object.entries(CJK_FACES).filter(([k]) => k !== own).map(([, v]) => v)];
  return `${faces.join(', ')}, system-ui, sans-serif`;
}

const UI_FONT = fontStack(globalThis.navigator?.userAgent ?? '');

export const UI_CSS = `
:host { all: initial !important; }
/* Out of the page's flow: an inline host after <body> would make the browser lay the whole page out again. */
:host { position: absolute !important; left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important; }
.layer, .cardlayer { position: absolute; left: 0; top: 0; width: 0; height: 0; z-index: 2147483645; pointer-events: none;
  font: 14px/1.5 ${UI_FONT}; color: #1a1a1a; }
.box { position: absolute; box-sizing: border-box; border: 2px solid var(--c); border-radius: 2px;
  box-shadow: 0 0 0 1px rgba(255,255,255,.9), inset 0 0 0 1px rgba(255,255,255,.6); background: color-mix(in srgb, var(--c) 10%, transparent); }
.box.active { border-width: 3px; background: rgba(255, 235, 59, .35); }
.box.flash { animation: flash 1.2s ease-out 1; }
@keyframes flash { 0% { box-shadow: 0 0 0 8px rgba(255, 193, 7, .9); } 100% { box-shadow: 0 0 0 1px rgba(255,255,255,.9); } }
.badge { position: absolute; pointer-events: auto; min-width: 20px; height: 20px; padding: 0 5px; box-sizing: border-box;
  border: 1.5px solid #fff; border-radius: 10px; background: var(--c); color: #fff; font: 700 12px/17px ${UI_FONT};
  text-align: center; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.5); }
.badge:focus-visible { outline: 3px solid #ffeb3b; outline-offset: 1px; }
.gap { position: absolute; height: 0; border-top: 3px dashed var(--c); }
.gap-label { position: absolute; pointer-events: auto; padding: 2px 8px; background: var(--c); color: #fff; border-radius: 3px;
  font-size: 12px; white-space: nowrap; box-shadow: 0 1px 3px rgba(0,0,0,.4); cursor: pointer; }
.card { position: absolute; pointer-events: auto; box-sizing: border-box; width: ${CARD_WIDTH}px; background: #fff; color: #1a1a1a; border: 1px solid #bbb;
  border-left: 5px solid var(--c); border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.3); padding: 10px 12px; font-size: 14px; }
.card h3 { margin: 0 0 4px; font-size: 14px; font-weight: 700; }
.card .rule { color: #555; font-size: 12px; margin-bottom: 6px; }
.card .msg { white-space: pre-wrap; word-break: break-word; }
.card .crops { margin-top: 8px; max-height: 220px; overflow: auto; }
.card figure { display: flex; align-items: center; gap: 8px; margin: 2px 0; }
.card figure canvas { border: 1px solid #999; flex: none; }
.card figcaption { font-size: 12px; }
.panel .progress { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.panel .progress progress { flex: 1; min-width: 60px; }
.card .manual-copy textarea { display: block; box-sizing: border-box; width: 100%; margin-top: 4px; font: 12px/1.4 ${UI_FONT}; resize: vertical; }
.card .row { display: flex; gap: 8px; margin-top: 8px; }
button.btn { font: inherit; font-size: 12px; padding: 3px 10px; border: 1px solid #888; border-radius: 4px; background: #f5f5f5; color: #1a1a1a; cursor: pointer; }
button.btn:focus-visible { outline: 2px solid #1565c0; }
.cardlayer { z-index: 2147483647; }
.panel { position: fixed; pointer-events: auto; z-index: 2147483646; box-sizing: border-box; width: 380px; max-height: 70vh; display: flex; flex-direction: column;
  background: #fff; color: #1a1a1a; border: 1px solid #999; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.35);
  font: 14px/1.5 ${UI_FONT}; }
.panel header { display: flex; align-items: center; gap: 6px; padding: 6px 10px; background: #263238; color: #fff; border-radius: 8px 8px 0 0; cursor: move; user-select: none; }
.panel header .name { font-weight: 700; flex: 1; }
.panel header button { background: transparent; border: 1px solid rgba(255,255,255,.5); color: #fff; border-radius: 4px; font: inherit; font-size: 12px; cursor: pointer; padding: 0 6px; }
.panel .meta { padding: 6px 10px; border-bottom: 1px solid #ddd; font-size: 14px; }
.panel .meta .title { font-weight: 700; }
.panel .meta .history { margin-top: 4px; color: #555; font-size: 12px; }
.panel .meta .history a { color: #1565c0; }
.counts { display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
.chip { font: inherit; font-size: 12px; border-radius: 10px; padding: 0 8px; border: 1.5px solid var(--c); background: var(--c); color: #fff; cursor: pointer; }
.chip.off { background: #fff; color: var(--c); }
.panel .list { overflow: auto; padding: 4px 0; }
.group { padding: 4px 10px 0; font-weight: 700; font-size: 12px; color: #455a64; }
.item { display: flex; gap: 6px; align-items: flex-start; padding: 4px 10px; cursor: pointer; border-left: 3px solid transparent; }
.item:hover, .item.active { background: #f1f5f9; border-left-color: var(--c); }
.item .num { flex: none; min-width: 20px; height: 20px; border-radius: 10px; background: var(--c); color: #fff; font-size: 12px; font-weight: 700; text-align: center; line-height: 20px; padding: 0 4px; box-sizing: border-box; }
.item .text { font-size: 14px; word-break: break-word; }
.notice { margin: 6px 10px; padding: 6px 8px; background: #fff3e0; border: 1px solid #ffb74d; border-radius: 4px; font-size: 14px; }
.nav { display: flex; gap: 6px; padding: 6px 10px; border-top: 1px solid #ddd; }
.rv-excluded.box { border-style: dashed; background: none; opacity: .6; }
.rv-excluded.badge, .rv-excluded.gap-label, .rv-excluded .text { opacity: .75; text-decoration: line-through; }
.rv-confirmed.badge { box-shadow: 0 0 0 2px #2e7d32; }
.rv-tag { flex: none; margin-left: auto; font-size: 12px; padding: 0 4px; border: 1px solid; border-radius: 3px; white-space: nowrap; font-weight: 400; }
.rv-confirmed .rv-tag, .rv-tag.rv-confirmed { color: #2e7d32; }
.rv-excluded .rv-tag, .rv-tag.rv-excluded { color: #616161; }
.review { margin-top: 8px; border-top: 1px solid #eee; padding-top: 6px; font-size: 12px; }
.review .btn { margin-right: 6px; }
.review .btn[aria-pressed=true] { background: #37474f; color: #fff; }
.review-stale { margin-top: 4px; padding: 2px 6px; background: #fff8e1; border: 1px solid #ffca28; border-radius: 4px; font-size: 12px; }
.review textarea { display: block; box-sizing: border-box; width: 100%; margin-top: 6px; font: inherit; font-size: 12px; resize: vertical; }
.item-review { padding: 0 10px 6px 36px; }
.panel .muted { color: #777; }
`;

/** Styles for text marks drawn with the CSS Custom Highlight API (a constructed sheet: no node is added). */
export const HIGHLIGHT_CSS = `
::highlight(nianbao-error) { background-color: rgba(211, 47, 47, .22); text-decoration: underline wavy #d32f2f; }
::highlight(nianbao-warning) { background-color: rgba(239, 108, 0, .22); text-decoration: underline dotted #ef6c00; }
::highlight(nianbao-info) { background-color: rgba(21, 101, 192, .16); }
::highlight(nianbao-excluded) { background-color: rgba(158, 158, 158, .18); text-decoration: line-through #9e9e9e; }
::highlight(nianbao-active) { background-color: rgba(255, 235, 59, .75); color: #000; }
`;

/** The host's own rules, for a host that holds only the attachment controls (the same as UI_CSS's). */
export const HOST_CSS = `
:host { all: initial !important; }
:host { position: absolute !important; left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important; }
`;

/** The 「在年报核查中打开」 controls beside report files linked from the page (below our marks and panel). */
export const ATTACHMENT_CSS = `
.att-layer { position: absolute; left: 0; top: 0; width: 0; height: 0; z-index: 2147483644; pointer-events: none;
  font: 12px/1.4 ${UI_FONT}; color: #1a1a1a; }
.att-open { position: absolute; pointer-events: auto; box-sizing: border-box; height: 20px; margin: 0; padding: 0 6px 0 4px;
  display: inline-flex; align-items: center; gap: 3px; white-space: nowrap; border: 1px solid #1565c0; border-radius: 10px;
  background: #fff; color: #1565c0; font: 700 12px/18px ${UI_FONT}; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.att-open::before { content: ''; width: 12px; height: 12px; border-radius: 2px; background: #1565c0;
  clip-path: polygon(0 0, 70% 0, 100% 30%, 100% 100%, 0 100%); flex: none; }
.att-open:hover { background: #1565c0; color: #fff; }
.att-open:hover::before { background: #fff; }
.att-open:focus-visible { outline: 3px solid #ffeb3b; outline-offset: 1px; }
.att-open.inside { transform: translateX(-100%); }
/* Many files (a report list): the icon alone, the words on hover or focus, so dates and sizes beside the links stay readable. */
.att-open.compact { padding: 0 3px; gap: 0; }
.att-open.compact .att-label { max-width: 0; overflow: hidden; transition: max-width .15s ease-out; }
.att-open.compact:hover, .att-open.compact:focus-visible { padding: 0 6px 0 4px; gap: 3px; z-index: 1; }
.att-open.compact:hover .att-label, .att-open.compact:focus-visible .att-label { max-width: 200px; }
`;
