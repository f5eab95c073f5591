// Markdown block structure from markdown-it's block parser only (its inline pass is switched off:
// inline markup is masked by one regular-expression pass, which is much cheaper than a full parse).
import MarkdownIt from 'markdown-it';
import { blocksOf, cutLines, scanChunks, scanSpans, type Change, type ChunkScan, type Cutter } from './chunks.js';
import { keepable } from './memo.js';
import type { BlockKind, BlockSpan } from './model.js';
import { asString, type TextLike } from './text.js';

let parser: InstanceType<typeof MarkdownIt> | null = null;
function md(): InstanceType<typeof MarkdownIt> {
  if (!parser) {
    parser = new MarkdownIt('commonmark', { html: true });
    parser.core.ruler.disable(['inline', 'text_join'], true);
  }
  return parser;
}

interface Lines {
  starts: number[];
  ends: number[];
}

function lineTable(text: string): Lines {
  const starts: number[] = [];
  const ends: number[] = [];
  const len = text.length;
  let i = 0;
  for (;;) {
    let j = i;
    while (j < len) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      j++;
    }
    starts.push(i);
    ends.push(j);
    if (j >= len) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
  return { starts, ends };
}

/** Where the prose of a Markdown file starts: after YAML front matter (--- ... ---) at the top, if any. */
function frontMatterEnd(source: TextLike): number {
  if (!/^\uFEFF?---[ \t]*(?:\r\n|\r|\n|$)/.test(source.slice(0, 8))) return 0;
  const text = asString(source);
  const lines = lineTable(text);
  for (let l = 1; l < lines.starts.length; l++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(text.slice(lines.starts[l]!, lines.ends[l]!))) return l + 1 < lines.starts.length ? lines.starts[l + 1]! : text.length;
  }
  return 0;
}

/**
 * Markdown blocks, parsed chunk by chunk: the text is cut at blank lines that are followed by an unindented
 * line outside fenced code and HTML comments, where CommonMark always starts a new top-level block. Each chunk
 * parses exactly as it would in context, and a session's cache reuses the chunks an edit did not touch.
 */
export function scanMarkdownBlocks(text: string, cache?: Map<string, BlockSpan[]>): BlockSpan[] {
  // Spans from the cache are shared: only a scan without one may move its spans in place.
  if (!cache) return scanSpans(text, cutMarkdown, (from, to) => parseChunk(text.slice(from, to)), frontMatterEnd(text));
  return blocksOf(scanMarkdown(text, cache));
}

/** Scans a Markdown text into chunks, re-reading only what an edit touched when given the previous scan. */
export function scanMarkdown(text: TextLike, cache?: Map<string, BlockSpan[]>, previous?: ChunkScan, change?: Change): ChunkScan {
  const parse = (from: number, to: number): BlockSpan[] => {
    const chunk = text.slice(from, to);
    if (!cache) return parseChunk(chunk);
    let spans = cache.get(chunk);
    if (!spans) {
      // A kept chunk (and the prose of its blocks) is a copy: a slice would keep this whole version of the text alive.
      const own = keepable(chunk);
      spans = parseChunk(own);
      cache.set(own, spans);
    }
    return spans;
  };
  const skip = frontMatterEnd(text);
  // Front matter moves where chunking starts: an edit near it is scanned from scratch.
  if (skip > 0 || (previous && frontMatterEnd(previous.text) > 0)) return scanChunks(text, cutMarkdown, parse, undefined, undefined, skip);
  return scanChunks(text, cutMarkdown, parse, previous, change);
}

/** Cuts Markdown into top-level chunks: a blank line then an unindented line outside fenced code and
 *  multi-line HTML comments starts a new chunk. */
const cutMarkdown: Cutter = (text, from, fn, resumeAt) => {
  let fence: string | null = null;
  let inComment = false;
  // Next "<!--" and "-->" at or after the current line, found with native searches that never go back.
  let nextOpen = -2;
  let nextClose = -2;
  const indent = (s: number, e: number): number => {
    let k = s;
    while (k < e && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    return k;
  };
  return cutLines(text, from, fn, resumeAt, {
    blank: (s, e) => indent(s, e) === e,
    breaks: (s) => fence === null && !inComment && text.charCodeAt(s) !== 32 && text.charCodeAt(s) !== 9,
    // Track the constructs that may contain blank lines: fenced code and multi-line HTML comments.
    seen(s, e) {
      const k = indent(s, e);
      if (fence !== null) {
        if (k - s < 4 && isClosingFence(text, k, e, fence)) fence = null;
      } else if (inComment) {
        if (nextClose !== -1 && nextClose < s) nextClose = text.indexOf('-->', s);
        if (nextClose >= 0 && nextClose + 3 <= e) inComment = false;
      } else if (k - s < 4 && (text.charCodeAt(k) === 96 || text.charCodeAt(k) === 126)) {
        fence = openingFence(text, k, e);
      } else {
        if (nextOpen !== -1 && nextOpen < s) nextOpen = text.indexOf('<!--', s);
        if (nextOpen >= 0 && nextOpen + 4 <= e) {
          // The line's last "<!--" decides: is it closed on the same line?
          let open = nextOpen;
          for (let o = text.indexOf('<!--', open + 1); o >= 0 && o + 4 <= e; o = text.indexOf('<!--', o + 1)) open = o;
          const close = text.indexOf('-->', open + 4);
          if (close < 0 || close + 3 > e) inComment = true;
        }
      }
    },
  });
};

function openingFence(text: TextLike, k: number, e: number): string | null {
  const ch = text.charCodeAt(k);
  let i = k;
  while (i < e && text.charCodeAt(i) === ch) i++;
  if (i - k < 3) return null;
  // A backtick fence's info string may not contain backticks.
  if (ch === 96 && text.slice(i, e).includes('`')) return null;
  return String.fromCharCode(ch).repeat(i - k);
}

function isClosingFence(text: TextLike, k: number, e: number, fence: string): boolean {
  let i = k;
  const ch = fence.charCodeAt(0);
  while (i < e && text.charCodeAt(i) === ch) i++;
  if (i - k < fence.length) return false;
  while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === e;
}

/** Exported for the test that proves chunked parsing equals a whole-document parse. */
export function parseChunk(text: string): BlockSpan[] {
  const lines = lineTable(text);
  const tokens = md().parse(text, {});
  const out: BlockSpan[] = [];
  const containers: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const type = tok.type;
    if (type === 'blockquote_open' || type === 'list_item_open') containers.push(type);
    else if (type === 'blockquote_close' || type === 'list_item_close') containers.pop();
    else if ((type === 'paragraph_open' || type === 'heading_open') && tok.map) {
      const kind: BlockKind = type === 'heading_open' ? 'heading'
        : containers.length === 0 ? 'paragraph'
        : containers[containers.length - 1] === 'list_item_open' ? 'list-item' : 'blockquote';
      pushBlock(out, text, lines, tok.map[0], tok.map[1], kind);
    } else if (type === 'table_open' && tok.map) {
      pushBlock(out, text, lines, tok.map[0], tok.map[1], 'table');
      while (i + 1 < tokens.length && tokens[i]!.type !== 'table_close') i++;
    }
  }
  return out;
}

function pushBlock(out: BlockSpan[], text: string, lines: Lines, from: number, to: number, kind: BlockKind): void {
  const start = lines.starts[from]!;
  const end = lines.ends[Math.min(to, lines.starts.length) - 1]!;
  if (end <= start) return;
  const raw = text.slice(start, end);
  let prose = maskBlockPrefixes(raw, kind);
  prose = maskInline(prose);
  if (kind === 'table') prose = prose.replace(/[|]|(?<=^|\|)\s*:?-{2,}:?\s*(?=\||$)/gm, (m) => ' '.repeat(m.length));
  // Trim masked edges so the block's range is the prose itself.
  let s = 0;
  let e = prose.length;
  while (s < e && /\s/.test(prose[s]!)) s++;
  while (e > s && /\s/.test(prose[e - 1]!)) e--;
  if (e <= s) return;
  out.push({ kind, start: start + s, end: start + e, prose: prose.slice(s, e) });
}

const spaces = (m: string): string => m.replace(/[^\r\n]/g, ' ');

function maskBlockPrefixes(raw: string, kind: BlockKind): string {
  let s = raw.replace(/^[ \t]*(?:>[ \t]?)+/gm, spaces);
  if (kind === 'list-item') s = s.replace(/^([ \t]*)((?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?)(?=[ \t]|$)/, (_m, a: string, b: string) => a + ' '.repeat(b.length));
  if (kind === 'heading') {
    s = s.replace(/^[ \t]*#{1,6}(?=[ \t]|$)/, spaces).replace(/[ \t]+#+[ \t]*$/, spaces);
    s = s.replace(/^[ \t]*(?:=+|-+)[ \t]*$/gm, spaces);
  }
  return s;
}

// Code spans, HTML tags and comments, link and image destinations, bare URLs, emphasis markers, escapes.
const INLINE = /(`+)[\s\S]*?\1|<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>|\]\([^()\s]*(?:\([^()]*\)[^()\s]*)*(?:\s+"[^"]*")?\)|\]\[[^\]]*\]|!\[|\bhttps?:\/\/[^\s<>)\]]+|\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|\\(?=[\p{P}\p{S}])|~~/gu;

export function maskInline(s: string): string {
  if (!/[`<\]![*_\\~]|https?:/.test(s)) return s;
  return s.replace(INLINE, (m) => {
    // Keep the ']' of a link's text as a space but mask its destination.
    return spaces(m);
  });
}
