import type { Finding, Text } from '../lib/findings';
import type { CheckState } from '../lib/ext/messages';

/** What the UI shows: the engine's result for this page, nothing else. */
export interface View {
  state: CheckState;
  /** Table pictures (or a scan's pages) being read: how many are done of how many; `label` says what. */
  progress: { done: number; total: number; label?: Text } | null;
  title: string | null;
  year: number | null;
  format: string | null;
  findings: Finding[];
  notices: Text[];
  url: string;
}
