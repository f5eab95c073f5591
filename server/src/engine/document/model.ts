// The document model every check shares: prose blocks with markup masked (same offsets as the source),
// each with its own token index, sentences and quote spans, plus the writer's suppression comments.
import { cutLines, scanChunks, scanSpans, type Change, type ChunkScan, type Cutter } from './chunks.js';
import { scanMarkdownBlocks } from './markdown.js';
import { keepable } from './memo.js';
import { pairQuotes, type BlockQuotes } from './quotes.js';
import { splitSentences, type Sentence } from './sentences.js';
import type { TextLike } from './text.js';
import { TokenFlag, tokenize, type Tokens } from './tokens.js';

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'blockquote' | 'table';

/** A block's source range and its prose (markup replaced by spaces, so offsets match the source). */
export interface BlockSpan {
  kind: BlockKind;
  start: number;
  end: number;
  prose: string;
}

export interface Block extends BlockSpan {
  index: number;
  tokens: Tokens;
  sentences: Sentence[];
  quotes: BlockQuotes;
}

/** What the document phase sees of a block: where it is and its size, not its token index (a one-off
 *  run releases each block's tokens once the block checks are done with them). */
export interface OutlineBlock extends BlockSpan {
  index: number;
  /** Word and number tokens in the block. */
  words: number;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  rules: string[] | null;
  start: number;
  end: number;
}

export interface DocumentModel {
  text: string;
  languageId: string;
  blocks: Block[];
  directives: Directive[];
}

/** The document as the document phase of a check sees it: block outlines and per-block summaries. */
export interface DocumentOutline {
  /** The text (in an editor session, its pieces: read it by slices). */
  text: TextLike;
  languageId: string;
  blocks: OutlineBlock[];
  directives: Directive[];
}

/** Builds the analysis of one block's prose; cached by the caller when the same prose recurs. */
export function analyzeProse(prose: string): Pick<Block, 'tokens' | 'sentences' | 'quotes'> {
  const tokens = tokenize(prose);
  const sentences = splitSentences(prose, tokens);
  const quotes = pairQuotes(prose);
  markQuotedTokens(tokens, quotes);
  return { tokens, sentences, quotes };
}

function markQuotedTokens(t: Tokens, q: BlockQuotes): void {
  if (q.spans.length === 0) return;
  let s = 0;
  for (let i = 0; i < t.count; i++) {
    const at = t.start[i]!;
    while (s < q.spans.length && q.spans[s]!.end <= at) s++;
    if (s === q.spans.length) break;
    const span = q.spans[s]!;
    if (span.double && at > span.open && at < (span.close >= 0 ? span.close : span.end)) t.flags[i] = t.flags[i]! | TokenFlag.InQuote;
  }
}

export function isMarkdown(languageId: string): boolean {
  return languageId === 'markdown' || languageId === 'mdx';
}

export function scanBlocks(text: string, languageId: string, chunkCache?: Map<string, BlockSpan[]>): BlockSpan[] {
  return isMarkdown(languageId) ? scanMarkdownBlocks(text, chunkCache) : scanPlainBlocks(text);
}

/** Plain text: paragraphs are separated by blank lines; suppression comments are masked. */
export function scanPlainBlocks(text: string): BlockSpan[] {
  return scanSpans(text, cutPlain, (from, to) => plainParagraph(text, from, to, false));
}

/** Plain text as chunks (one per paragraph), re-reading only what an edit touched when given the previous scan.
 *  With `keep` (an editor session, which keeps chunks across edits), a paragraph's prose is a copy of its own:
 *  a slice would keep the whole version of the text it was cut from alive. */
export function scanPlain(text: TextLike, previous?: ChunkScan, change?: Change, keep = false): ChunkScan {
  return scanChunks(text, cutPlain, (from, to) => plainParagraph(text, from, to, keep), previous, change);
}

function plainParagraph(text: TextLike, s: number, e: number, keep: boolean): BlockSpan[] {
  const from = s;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= s) return [];
  let prose = keep ? keepable(text.slice(s, e)) : text.slice(s, e);
  if (prose.includes('<!--')) prose = maskComments(prose);
  // Embed code pasted into a plain draft (<tweet id="…">, links) is not prose.
  if (prose.includes('<') || prose.includes('://')) prose = prose.replace(TAG_OR_URL, (m) => m.replace(/[^\r\n]/g, ' '));
  if (prose.trim() === '') return [];
  return [{ kind: 'paragraph', start: s - from, end: e - from, prose }];
}

/** Cuts plain text into paragraphs: a non-blank line after a blank one starts a new one. */
const cutPlain: Cutter = (text, from, fn, resumeAt) => cutLines(text, from, fn, resumeAt, {
  blank(s, e) {
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 0xfeff) return false;
    }
    return true;
  },
  breaks: () => true,
});

/** Calls fn for every line with its [start, end) (without the line break) and whether it is blank.
 *  Breaks are \r\n, \n or a lone \r. */
export function forEachLine(text: string, fn: (start: number, end: number, blank: boolean) => void): void {
  const len = text.length;
  let i = 0;
  while (i <= len) {
    let j = i;
    let blank = true;
    while (j < len) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      if (blank && c !== 32 && c !== 9 && c !== 0xfeff) blank = false;
      j++;
    }
    fn(i, j, blank);
    if (j >= len) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 0xa0;
}

const TAG_OR_URL = /<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]*))?)*\s*\/?>|\bhttps?:\/\/[^\s<>"]+/g;

export function maskComments(s: string): string {
  return s.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\r\n]/g, ' '));
}

const DIRECTIVE = /<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->/g;

export function scanDirectives(text: string): Directive[] {
  if (!text.includes('copydesk-')) return [];
  const out: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text)) !== null) {
    const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules: ids.length ? ids : null, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
