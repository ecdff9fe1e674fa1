import type { Finding, Text } from '../lib/findings';
import type { CheckState } from '../lib/ext/messages';
import type { HistoryInfo } from '../lib/ext/history-check';

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
  /** The report history: which report of last year this one was compared with (absent: history off or not kept). */
  history?: HistoryInfo | null;
  /**
   * Where the inspector's reviews of this report are kept: its address (a local file: its name) and
   * the hash of the content read (lib/review/keys.ts). Absent: no report, nothing can be reviewed.
   */
  review?: ReviewKey | null;
}

export interface ReviewKey {
  url: string;
  hash: string | null;
}
