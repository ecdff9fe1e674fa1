// Text from the report (or the format's own labels) inside our English sentences stays Chinese: a
// heading, a label, a title are quoted as printed, so the reader can find them on the page. Such
// quotes ("…", “…”, 「…」, 《…》) are marked data-quote, which is how the English-UI test tells quoted
// report text from our own words (any other Chinese in the English UI is a missing translation).

/** Quoted stretches of a message, and the text between them. */
const QUOTE = /("[^"\n]*"|“[^”\n]*”|「[^」\n]*」|《[^》\n]*》)/;

export function splitQuotes(text: string): { text: string; quote: boolean }[] {
  return text
    .split(QUOTE)
    .filter((t) => t !== '')
    .map((t) => ({ text: t, quote: QUOTE.test(t) && new RegExp(`^${QUOTE.source}$`).test(t) }));
}

/** A message with its quotes marked (rendered as text: nothing of the report becomes markup). */
export function Quoted({ text }: { text: string }) {
  return (
    <>
      {splitQuotes(text).map((p) => (p.quote ? <span data-quote="">{p.text}</span> : p.text))}
    </>
  );
}
