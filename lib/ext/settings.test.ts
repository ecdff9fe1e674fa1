import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from './settings';
import { parseMessage } from './messages';

describe('settings', () => {
  it('defaults to Chinese, automatic checking on gov.cn only, every severity shown', () => {
    expect(defaultSettings()).toEqual({ lang: 'zh', autoGov: true, autoAll: false, autoPdfGov: false, history: true, severities: { error: true, warning: true, info: true }, panel: null });
  });
  it('falls back to defaults on a damaged store, keeps what is valid', () => {
    expect(parseSettings({ lang: 'fr' })).toEqual(defaultSettings());
    expect(parseSettings({ lang: 'en' }).lang).toBe('en');
    expect(parseSettings(null)).toEqual(defaultSettings());
    expect(parseSettings({ autoPdfGov: true }).autoPdfGov).toBe(true);
    expect(parseSettings({ autoPdfGov: 'yes' })).toEqual(defaultSettings());
    expect(parseSettings({ history: false }).history).toBe(false);
    expect(parseSettings({ history: 'off' })).toEqual(defaultSettings());
  });
});

describe('messages', () => {
  it('accept only the known shapes', () => {
    expect(parseMessage({ type: 'check-tab', tabId: 3 })).toEqual({ type: 'check-tab', tabId: 3 });
    expect(parseMessage({ type: 'check-tab', tabId: 'x' })).toBeNull();
    expect(parseMessage({ type: 'run', code: 'alert(1)' })).toBeNull();
    expect(parseMessage({ type: 'open-viewer', url: 'https://a.gov.cn/r.pdf', referer: null })).toEqual({ type: 'open-viewer', url: 'https://a.gov.cn/r.pdf', referer: null });
    expect(parseMessage({ type: 'open-viewer', url: 3, referer: null })).toBeNull();
    expect(parseMessage({ type: 'pdf-tab', url: 'https://a.gov.cn/r.pdf' })?.type).toBe('pdf-tab');
  });
});
