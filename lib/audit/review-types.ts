// The inspector's verdict on one finding, as the exports read it. The reviews helper (lib/review)
// stores them; the exports only read them, so the types live apart from either.

/** 'confirmed': the finding stands; 'excluded': the inspector judged it no problem. */
export type Verdict = 'confirmed' | 'excluded';

export interface Review {
  verdict: Verdict;
  note: string;
  /** When the review was made (ISO 8601). */
  at: string;
  /** The content hash of the report when reviewed (AuditRow.hash); null when none was known. */
  hash: string | null;
}

/** A review as shown: stale when the report read now is not the content that was reviewed. */
export interface ShownReview extends Review {
  stale: boolean;
}

/** A report's reviews by AuditFinding.key. */
export type RowReviews = Record<string, ShownReview>;
