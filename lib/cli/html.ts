// HTML in Node: happy-dom with scripts, styles, frames and navigation off, so nothing runs and nothing is fetched.
import { Window } from 'happy-dom';

export interface ParsedHtml {
  document: Document;
  close(): Promise<void>;
}

export function parseHtml(html: string): ParsedHtml {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}
