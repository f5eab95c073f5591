// Pairs quotation marks inside one block. Straight quotes are read as opening or closing from what
// surrounds them; apostrophes (don't, Russia's, the '90s) and primes (5'11") are not quotes.

export interface QuoteSpan {
  /** Offset of the opening mark (block-relative). */
  open: number;
  /** Offset just after the closing mark, or the block's end when the quote is never closed. */
  end: number;
  /** Offset of the closing mark, or -1 when unclosed. */
  close: number;
  double: boolean;
  straight: boolean;
}

export interface StrayMark {
  offset: number;
  kind: 'closing-without-opening';
}

export interface BlockQuotes {
  spans: QuoteSpan[];
  strays: StrayMark[];
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
const isSpaceOrOpen = (c: string | undefined): boolean => c === undefined || /[\s([{\u2014\u2013\-/:;,]/u.test(c);

export function pairQuotes(text: string): BlockQuotes {
  const spans: QuoteSpan[] = [];
  const strays: StrayMark[] = [];
  let openDouble: { at: number; straight: boolean } | null = null;
  let openSingle: { at: number; straight: boolean } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === '\u201C' || c === '\u201D' || c === '\u201E' || c === '\u00AB' || c === '\u00BB') {
      const prev = text[i - 1];
      const straight = c === '"';
      if (straight && openDouble === null && isPrime(text, i)) continue;
      let opening: boolean;
      if (c === '\u201C' || c === '\u201E' || c === '\u00AB') opening = true;
      else if (c === '\u201D' || c === '\u00BB') opening = false;
      else opening = openDouble === null && (isSpaceOrOpen(prev) || isWordChar(text[i + 1]));
      if (opening && openDouble === null) {
        openDouble = { at: i, straight };
      } else if (!opening && openDouble !== null) {
        spans.push({ open: openDouble.at, close: i, end: i + 1, double: true, straight: openDouble.straight });
        openDouble = null;
        openSingle = null;
      } else if (!opening) {
        strays.push({ offset: i, kind: 'closing-without-opening' });
      } else {
        // A second opening mark before a close: the first one was never closed.
        spans.push({ open: openDouble!.at, close: -1, end: i, double: true, straight: openDouble!.straight });
        openDouble = { at: i, straight };
      }
      continue;
    }
    if (c === '\u2018' || c === "'" || c === '\u2019') {
      const prev = text[i - 1];
      const next = text[i + 1];
      // Apostrophes inside or at the end of words, and elisions like '90s or 'em, are not quotes.
      if (isWordChar(prev) && isWordChar(next)) continue;
      const canOpen = (c === '\u2018' || c === "'") && isSpaceOrOpen(prev) && isWordChar(next) && !/^\d\ds\b/.test(text.slice(i + 1, i + 5));
      if (canOpen && openSingle === null) {
        openSingle = { at: i, straight: c === "'" };
        continue;
      }
      const canClose = (c === '\u2019' || c === "'") && !isWordChar(next) && openSingle !== null;
      if (canClose) {
        spans.push({ open: openSingle!.at, close: i, end: i + 1, double: false, straight: openSingle!.straight });
        openSingle = null;
      }
    }
  }
  if (openDouble) spans.push({ open: openDouble.at, close: -1, end: text.length, double: true, straight: openDouble.straight });
  spans.sort((a, b) => a.open - b.open);
  return { spans, strays };
}

// 5'11" or 6" are measurements, not quotes.
function isPrime(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (prev === undefined || !/[0-9]/.test(prev)) return false;
  const next = text[i + 1];
  return next === undefined || !/[\p{L}]/u.test(next) || /\s/.test(next);
}
