// The printable memo 「年报核查意见」: per report each problem with its equation, the link and the
// review note; the browser's print to PDF makes the file. The content is lib/audit/memo.ts's.
import type { AuditRow } from '../../lib/audit/model';
import { STALE } from '../../lib/audit/labels';
import { memoOf, type MemoProblem } from '../../lib/audit/memo';
import type { RowReviews } from '../../lib/audit/review-types';
import type { Lang } from '../../lib/i18n';
import { auditStrings } from './strings';

interface Props {
  lang: Lang;
  rows: AuditRow[];
  reviews: (row: AuditRow) => RowReviews;
  onBack(): void;
}

const WORDS = {
  zh: { reports: '份报告', checked: '已核查', notReports: '不是年报', failed: '失败', unchecked: '未完成', errors: '错误', warnings: '警告', excluded: '已排除', link: '链接', note: '审核意见', excludedHead: '经审核排除', notices: '未能核对的内容', none: '未发现问题', date: '日期' },
  en: { reports: 'reports', checked: 'checked', notReports: 'not reports', failed: 'failed', unchecked: 'not done', errors: 'errors', warnings: 'warnings', excluded: 'excluded', link: 'Link', note: 'Review', excludedHead: 'Excluded on review', notices: 'Not checked', none: 'No problem found', date: 'Date' },
};

function Problem({ p, words, lang }: { p: MemoProblem; words: (typeof WORDS)['zh']; lang: Lang }) {
  return (
    <li class={p.severity}>
      <b>{p.severityLabel}</b>
      {p.place ? ` · ${p.place}` : ''}：{p.message}
      {p.review && (
        <div class="review">
          {words.note}：{p.review.label}
          {p.review.note ? ` — ${p.review.note}` : ''}
          {p.review.stale ? <em class="stale"> {STALE[lang]}</em> : null}
        </div>
      )}
    </li>
  );
}

export function Memo({ lang, rows, reviews, onBack }: Props) {
  const memo = memoOf(rows, reviews, lang);
  const w = WORDS[lang];
  const s = auditStrings[lang];
  const t = memo.totals;
  return (
    <article class="memo" data-nianbao-memo="">
      <nav class="no-print">
        <button onClick={onBack}>{s.back}</button> <button class="primary" onClick={() => window.print()}>{s.print}</button>
      </nav>
      <h1>{memo.title}</h1>
      <p class="meta">
        {w.date}：{memo.date} · {t.reports} {w.reports}（{w.checked} {t.checked}，{w.notReports} {t.notReports}，{w.failed} {t.failed}
        {t.unchecked ? `，${w.unchecked} ${t.unchecked}` : ''}）· {w.errors} {t.errors} · {w.warnings} {t.warnings}
        {t.excluded ? ` · ${w.excluded} ${t.excluded}` : ''}
      </p>
      {memo.reports.map((r, i) => (
        <section class="report">
          <h2>
            {i + 1}. {r.agency ?? r.title ?? r.input}
            {r.year ? `（${r.year}）` : ''}
          </h2>
          {r.title && r.agency && <p class="title">{r.title}</p>}
          <p class="link">
            {w.link}：<span>{r.link}</span>
          </p>
          {r.state !== 'done' ? (
            <p class="state">
              {r.stateLabel}
              {r.why ? `：${r.why}` : ''}
            </p>
          ) : r.problems.length === 0 && r.notices.length === 0 ? (
            <p>{w.none}</p>
          ) : (
            <ol>
              {r.problems.map((p) => (
                <Problem p={p} words={w} lang={lang} />
              ))}
            </ol>
          )}
          {r.excluded.length > 0 && (
            <>
              <h3>{w.excludedHead}</h3>
              <ol class="excluded">
                {r.excluded.map((p) => (
                  <Problem p={p} words={w} lang={lang} />
                ))}
              </ol>
            </>
          )}
          {r.notices.length > 0 && (
            <>
              <h3>{w.notices}</h3>
              <ul class="notices">
                {r.notices.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </article>
  );
}
