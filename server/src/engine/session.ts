// An editor buffer's session: what one run of the checks leaves for the next (each block text's analysis
// and finished work, the previous scan, the document checks' stores), found again by position or by text.
import type { BlockOutput, DocumentMemo } from './check.js';
import { blocksOf, type Change, type ChunkScan } from './document/chunks.js';
import { scanMarkdown } from './document/markdown.js';
import { asString, type TextLike } from './document/text.js';
import { analyzeProse, isMarkdown, scanDirectives, scanPlain, type Block, type BlockSpan, type Directive, type OutlineBlock } from './document/model.js';
import { CHECKS } from './registry.js';
import type { CompiledStyle } from './style/types.js';
import type { Finding } from './types.js';

export interface CachedBlock {
  analysis: Pick<Block, 'tokens' | 'sentences' | 'quotes'>;
  outputs: (BlockOutput | undefined)[];
  /** Created on the first failure only. */
  failures: (string | undefined)[] | undefined;
  /** 1 where outputs[check] is computed (a dense typed array: `in` on a sparse array is slow). */
  done: Uint8Array;
  longestSentence: number | undefined;
  /** The block's finished work for the last set of active checks, so an unchanged block costs one
   *  comparison per run, not one per check (editor sessions only). */
  record: BlockRecord | undefined;
  /** The run that last placed this entry in the document: an entry is placed once per run, so two
   *  blocks with the same text get one entry each (their records sit at different offsets); -1 before. */
  placedIn: number;
  outline: OutlineBlock | undefined;
}

export interface BlockRecord {
  /** The active checks and their levels the record was made for. */
  key: string;
  /** The block start the findings are placed at. */
  at: number;
  findings: Finding[];
  /** Per check with a document phase (in `active` order), the block's summary. */
  summaries: unknown[];
  /** Per active check, the error it threw on this block (rare: created only then). */
  failed: (string | undefined)[] | undefined;
}

/** Keeps per-block work between runs of the same document (an open editor buffer). A result's findings
 *  are read before the session runs again: findings of blocks that an edit moves are moved in place. */
export class Session {
  styleKey = '';
  /** Per block kind, the analysis of each block text seen (nested maps: no key concatenation per lookup). */
  blocks = new Map<string, Map<string, CachedBlock>>();
  cachedCount = 0;
  /** The previous run's text and blocks: blocks inside the unchanged head and tail are reused by position. */
  previous: { text: TextLike; spans: BlockSpan[]; entries: CachedBlock[] } | null = null;
  /** Markdown chunks already parsed into blocks (see document/markdown.ts). */
  chunks = new Map<string, BlockSpan[]>();
  /** The previous run's chunks, so the next scan re-reads only the chunks an edit touched. */
  scan: (ChunkScan & { markdown: boolean }) | null = null;
  /** Each document check's own store between runs (see Check.document); emptied when the style changes. */
  memos = new Map<string, DocumentMemo>();
  /** The previous text had no copydesk-disable/enable comment (so an edit can only add one where it typed). */
  noDirectives = false;
  /** Checks that overran their time budget in this session; reported once, then skipped. */
  overrun = new Set<string>();
  runs = 0;
  /** The previous run's summaries per check with a document phase, for `summariesKey`'s active checks. */
  summaries: unknown[][] | null = null;
  summariesKey = '';
}


// The session's spans come from sessionBlocks, whose prose is never a slice of one version of the whole
// text (a kept slice would keep that version alive: one more copy of a long story per keystroke): plain
// paragraphs are copies, Markdown blocks slices of a copied chunk. So the cache can key by the prose itself.
export function cachedAnalysis(s: BlockSpan, session: Session | undefined, style: CompiledStyle | undefined): CachedBlock {
  if (session && style) {
    let byText = session.blocks.get(s.kind);
    if (!byText) session.blocks.set(s.kind, (byText = new Map()));
    const hit = byText.get(s.prose);
    if (hit) return hit;
    const entry = freshEntry(s.prose);
    byText.set(s.prose, entry);
    session.cachedCount++;
    return entry;
  }
  return freshEntry(s.prose);
}

/** Everything the session keeps depends on the style except the scanned chunks. */
export function forgetStyleWork(session: Session, style: CompiledStyle): void {
  session.blocks.clear();
  session.memos.clear();
  session.cachedCount = 0;
  session.previous = null;
  session.summaries = null;
  session.styleKey = style.key;
}

export function freshEntry(prose: string): CachedBlock {
  return entryOf(analyzeProse(prose), [], new Uint8Array(CHECKS.length), undefined, undefined);
}

// Every entry is made here with all its fields, in one order: entries whose fields were added later in
// different orders (a record, an outline, a count) had a dozen hidden classes between them, and the block
// phase's optimised code was thrown out each time it met one more (bench/deopts.ts).
function entryOf(analysis: CachedBlock['analysis'], outputs: CachedBlock['outputs'], done: Uint8Array, failures: CachedBlock['failures'], longestSentence: number | undefined): CachedBlock {
  return { analysis, outputs, failures, done, longestSentence, record: undefined, placedIn: -1, outline: undefined };
}

// Bytes past a block's end that must also be unchanged before its boundaries can be trusted (the blank
// line that ends a paragraph, CRLF included, and the first character of the next line).
const MARGIN = 8;

/** Reuses the previous run's analysis for blocks in the unchanged head and tail of the text without
 *  hashing their text; only the blocks around the edit go through the text-keyed cache. */
export function reuseByPosition(text: TextLike, spans: BlockSpan[], session: Session, style: CompiledStyle, change: Change | undefined): CachedBlock[] {
  const prev = session.previous;
  const entries: CachedBlock[] = new Array(spans.length);
  if (prev && change) {
    const { head, tail } = change;
    const delta = text.length - prev.text.length;
    const tailStart = text.length - tail;
    let j = 0;
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i]!;
      if (s.end + MARGIN <= head) {
        while (j < prev.spans.length && prev.spans[j]!.start < s.start) j++;
        const o = prev.spans[j];
        if (o && o.start === s.start && o.end === s.end && o.kind === s.kind) entries[i] = prev.entries[j]!;
      } else if (s.start - MARGIN >= tailStart) {
        while (j < prev.spans.length && prev.spans[j]!.start + delta < s.start) j++;
        const o = prev.spans[j];
        if (o && o.start + delta === s.start && o.end + delta === s.end && o.kind === s.kind) entries[i] = prev.entries[j]!;
      }
      entries[i] = claim(entries[i] ?? cachedAnalysis(s, session, style), session);
    }
  } else {
    for (let i = 0; i < spans.length; i++) entries[i] = claim(cachedAnalysis(spans[i]!, session, style), session);
  }
  session.previous = { text, spans, entries };
  return entries;
}

/** The entry itself, or a twin sharing its analysis and outputs when another block of this run (same
 *  text) already holds it. */
function claim(entry: CachedBlock, session: Session): CachedBlock {
  if (entry.placedIn === session.runs) entry = entryOf(entry.analysis, entry.outputs, entry.done, entry.failures, entry.longestSentence);
  entry.placedIn = session.runs;
  return entry;
}

export function sessionBlocks(text: TextLike, languageId: string, session: Session, change: Change | undefined): BlockSpan[] {
  const markdown = isMarkdown(languageId);
  // The previous scan is usable only if it was of the previous text in the same language.
  const previous = session.scan && session.scan.markdown === markdown && session.scan.text === session.previous?.text ? session.scan : undefined;
  const scan = markdown ? scanMarkdown(text, session.chunks, previous, change) : scanPlain(text, previous, change, true);
  session.scan = { ...scan, markdown };
  return blocksOf(scan);
}

const DIRECTIVE_MARK = 'copydesk-';

/** The text's disable/enable comments; when the previous text had none, only the edited stretch (and a
 *  mark's length around it) is searched for the start of one. */
export function sessionDirectives(session: Session, text: TextLike, change: Change | undefined): Directive[] {
  if (session.noDirectives && change) {
    const from = Math.max(0, change.head - DIRECTIVE_MARK.length);
    const to = Math.min(text.length, text.length - change.tail + DIRECTIVE_MARK.length);
    if (from >= to || !text.slice(from, to).includes(DIRECTIVE_MARK)) return [];
  }
  // Rare in a draft: the whole text is read as one string.
  const directives = scanDirectives(asString(text));
  session.noDirectives = directives.length === 0 && !text.includes(DIRECTIVE_MARK);
  return directives;
}


/** Places a record's findings at the block's new start (an edit before the block moved it), in place: the
 *  runner made the record's findings, fixes and related places for that record alone (placedRanges), and
 *  a session's result is read before its next run (see Session). An edit moves hundreds of records; new
 *  objects for their findings and fixes were a tenth of a keystroke's check. */
export function moveRecord(record: BlockRecord, at: number): void {
  const d = at - record.at;
  record.at = at;
  for (const f of record.findings) {
    f.start += d;
    f.end += d;
    for (const x of f.fixes) {
      x.start += d;
      x.end += d;
    }
    if (f.related) {
      for (const r of f.related) {
        r.start += d;
        r.end += d;
      }
    }
  }
}

/** The ranges moved by d: a new list of new ranges, or the list itself when d is 0 (a list that is only
 *  read, never moved in place, is shared). */
export function movedRanges<T extends { start: number; end: number }>(list: readonly T[], d: number): T[] {
  if (d === 0) return list as T[];
  return placedRanges(list, d);
}

/** The ranges moved by d, as a new list of new ranges (for a record, which moves them in place later). */
export function placedRanges<T extends { start: number; end: number }>(list: readonly T[], d: number): T[] {
  const out: T[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = { ...list[i]!, start: list[i]!.start + d, end: list[i]!.end + d };
  return out;
}


export function prune(session: Session, spans: BlockSpan[]): void {
  // Chunks hold no style-dependent work; a generous bound keeps memory at a few copies of the document.
  if (session.chunks.size > spans.length * 2 + 64) session.chunks.clear();
  // Keep only what the current text uses, so the cache never grows past one copy of the document.
  if (session.cachedCount <= spans.length * 2 + 16) return;
  const keep = new Map<string, Set<string>>();
  for (const s of spans) {
    let set = keep.get(s.kind);
    if (!set) keep.set(s.kind, (set = new Set()));
    set.add(s.prose);
  }
  session.cachedCount = 0;
  for (const [kind, byText] of session.blocks) {
    const live = keep.get(kind);
    for (const k of byText.keys()) {
      if (!live?.has(k)) byText.delete(k);
      else session.cachedCount++;
    }
  }
}
