// Markdown block structure from markdown-it's block parser only (its inline pass is switched off:
// inline markup is masked by one regular-expression pass, which is much cheaper than a full parse).
import MarkdownIt from 'markdown-it';
import type { BlockKind, BlockSpan } from './model.js';

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

/** Lines of YAML front matter at the top (--- ... ---), which are not prose. */
function frontMatterLines(text: string, lines: Lines): number {
  if (!/^\uFEFF?---[ \t]*$/.test(text.slice(lines.starts[0]!, lines.ends[0]!))) return 0;
  for (let l = 1; l < lines.starts.length; l++) {
    const line = text.slice(lines.starts[l]!, lines.ends[l]!);
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) return l + 1;
  }
  return 0;
}

export function scanMarkdownBlocks(text: string): BlockSpan[] {
  const lines = lineTable(text);
  const skip = frontMatterLines(text, lines);
  let source = text;
  if (skip > 0) {
    // Keep the line count so markdown-it's line maps still point at the source.
    source = '\n'.repeat(skip) + text.slice(lines.starts[skip] ?? text.length);
  }
  const tokens = md().parse(source, {});
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
