// Settings in extension storage (WXT storage), parsed with zod on every read.
import { storage } from 'wxt/utils/storage';
import { parseSettings, type Settings } from './settings';

const item = storage.defineItem<unknown>('local:settings', { fallback: {} });

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await item.getValue());
  } catch {
    return parseSettings({});
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...patch });
  await item.setValue(next);
  return next;
}
