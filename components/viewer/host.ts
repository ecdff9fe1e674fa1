// Our UI's one host element in the viewer: the same shadow root, sheets and test hook
// (data-nianbao-state, data-errors/-warnings/-infos) as on web pages.
import { HOST_TAG } from '../../lib/host-tag';
import { HIGHLIGHT_CSS, UI_CSS } from '../styles';

export function mountUiHost(parent: Element): { host: HTMLElement; root: HTMLElement } {
  document.querySelector(HOST_TAG.toLowerCase())?.remove();
  const host = document.createElement(HOST_TAG.toLowerCase());
  host.setAttribute('data-nianbao-state', 'checking');
  parent.appendChild(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  shadow.append(root);
  const ui = new CSSStyleSheet();
  ui.replaceSync(UI_CSS);
  shadow.adoptedStyleSheets = [ui];
  const marks = new CSSStyleSheet();
  marks.replaceSync(HIGHLIGHT_CSS);
  document.adoptedStyleSheets = [marks];
  return { host, root };
}
