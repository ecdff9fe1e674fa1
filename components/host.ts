// Our one host element and its shadow root, shared by the report UI and the attachment controls:
// each draws into a part of its own, so either can come (or come again) without removing the other.
import { HOST_TAG } from '../lib/host-tag';

type Part = 'report' | 'attachments';
type Sheet = CSSStyleSheet & { __nianbao?: string };
type PartRoot = HTMLElement & { __nianbaoUnmount?: () => void };

/** The host (made once, appended outside the page's flow) and its open shadow root. */
export function ensureHost(): { host: HTMLElement; shadow: ShadowRoot } {
  const tag = HOST_TAG.toLowerCase();
  let host = document.querySelector(tag) as HTMLElement | null;
  if (!host?.shadowRoot) {
    host?.remove();
    host = document.createElement(tag);
    document.documentElement.appendChild(host);
    host.attachShadow({ mode: 'open' });
  }
  return { host, shadow: host.shadowRoot! };
}

/**
 * Adopts a constructed sheet once per name (pages with a strict style-src CSP cannot block it: CSP
 * governs <style>, not CSSOM); a sheet of the same name from an earlier run is replaced.
 */
export function adoptSheet(shadow: ShadowRoot, name: string, css: string): void {
  const sheet: Sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  sheet.__nianbao = name;
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets.filter((s) => (s as Sheet).__nianbao !== name), sheet];
}

/**
 * A fresh element for one part of our UI. The part drawn before (perhaps by another copy of our
 * scripts, injected again) is unmounted through the function it left, then removed.
 */
export function partRoot(shadow: ShadowRoot, part: Part, unmount: (root: HTMLElement) => void): HTMLElement {
  const old = shadow.querySelector(`[data-part="${part}"]`) as PartRoot | null;
  old?.__nianbaoUnmount?.();
  old?.remove();
  const root: PartRoot = document.createElement('div');
  root.setAttribute('data-part', part);
  root.__nianbaoUnmount = () => unmount(root);
  // The report UI first: its panel and cards stand above the controls in document order too.
  if (part === 'report') shadow.prepend(root);
  else shadow.append(root);
  return root;
}
