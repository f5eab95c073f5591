// Runs the registry over a document model: per-block work (cached by block text and style), then the
// document phase from per-block summaries; adds rule id and severity, applies suppression, sorts.
import type { BlockOutput, Check, CheckContext, DocumentOutput } from './check.js';
import { analyzeProse, scanBlocks, scanDirectives, type Block, type BlockSpan, type DocumentModel } from './document/model.js';
import { CHECKS } from './registry.js';
import { isSilenced, silencedRanges } from './suppress.js';
import type { CompiledStyle } from './style/types.js';
import type { CheckResult, DocumentFacts, Finding, RawFinding, Severity } from './types.js';

interface CachedBlock {
  analysis: Pick<Block, 'tokens' | 'sentences' | 'quotes'>;
  outputs: (BlockOutput | undefined)[];
  failures: (string | undefined)[];
}

/** Keeps per-block work between runs of the same document (an open editor buffer). */
export class Session {
  styleKey = '';
  blocks = new Map<string, CachedBlock>();
  /** Checks that overran their time budget in this session; reported once, then skipped. */
  overrun = new Set<string>();
}

export interface RunOptions {
  languageId: string;
  style: CompiledStyle;
  session?: Session;
  /** Milliseconds a single check may take on one document before it is skipped for the session. */
  budgetMs?: number;
}

export function buildModel(text: string, languageId: string, session?: Session, style?: CompiledStyle): DocumentModel {
  const spans = scanBlocks(text, languageId);
  const blocks: Block[] = spans.map((s, index) => ({ ...s, index, ...cachedAnalysis(s, session, style).analysis }));
  return { text, languageId, blocks, directives: scanDirectives(text) };
}

function blockKey(s: BlockSpan): string {
  return s.kind + '\u0000' + s.prose;
}

function cachedAnalysis(s: BlockSpan, session: Session | undefined, style: CompiledStyle | undefined): CachedBlock {
  if (session && style) {
    if (session.styleKey !== style.key) {
      session.blocks.clear();
      session.styleKey = style.key;
    }
    const hit = session.blocks.get(blockKey(s));
    if (hit) return hit;
  }
  const entry: CachedBlock = { analysis: analyzeProse(s.prose), outputs: [], failures: [] };
  if (session && style) session.blocks.set(blockKey(s), entry);
  return entry;
}

function levelOf(check: Check, style: CompiledStyle): Severity | 'off' {
  const configured = style.level(check.id);
  if (configured) return configured;
  return check.offByDefault ? 'off' : check.defaultSeverity;
}

export function run(text: string, opts: RunOptions): CheckResult {
  const { style, session, languageId } = opts;
  const budget = opts.budgetMs ?? 2000;
  const spans = scanBlocks(text, languageId);
  const entries = spans.map((s) => cachedAnalysis(s, session, style));
  const blocks: Block[] = spans.map((s, index) => ({ ...s, index, ...entries[index]!.analysis }));
  const model: DocumentModel = { text, languageId, blocks, directives: scanDirectives(text) };
  const ctx: CheckContext = { style, languageId };
  const findings: Finding[] = [];
  const failures: CheckResult['failures'] = [];
  const facts: DocumentFacts = { quotes: [], names: [], placeholders: [], words: 0, sentences: 0, paragraphs: blocks.length, longestSentence: 0 };

  CHECKS.forEach((check, ci) => {
    const level = levelOf(check, style);
    if (level === 'off' || session?.overrun.has(check.id)) return;
    const started = performance.now();
    const summaries: unknown[] = new Array(blocks.length);
    let failed: string | undefined;
    if (check.block) {
      for (let b = 0; b < blocks.length; b++) {
        const entry = entries[b]!;
        let out: BlockOutput | undefined;
        if (ci in entry.outputs || entry.failures[ci]) {
          out = entry.outputs[ci];
          if (entry.failures[ci]) failed ??= entry.failures[ci];
        } else {
          try {
            out = check.block(blocks[b]!, ctx) ?? undefined;
          } catch (e) {
            failed ??= describeError(e);
            entry.failures[ci] = describeError(e);
          }
          entry.outputs[ci] = out;
        }
        if (!out) continue;
        summaries[b] = out.summary;
        if (out.findings) for (const f of out.findings) findings.push(finish(check, level, f, blocks[b]!.start));
      }
    }
    if (check.document && !failed) {
      try {
        const out = check.document(model, summaries, ctx);
        const list = Array.isArray(out) ? out : (out as DocumentOutput).findings;
        for (const f of list) findings.push(finish(check, level, f, 0));
        if (!Array.isArray(out) && (out as DocumentOutput).facts) mergeFacts(facts, (out as DocumentOutput).facts!);
      } catch (e) {
        failed = describeError(e);
      }
    }
    if (failed) failures.push({ rule: check.id, error: failed });
    const took = performance.now() - started;
    if (session && took > budget) {
      session.overrun.add(check.id);
      failures.push({ rule: check.id, error: `took ${Math.round(took)} ms (budget ${budget} ms); skipped for this document from now on` });
    }
  });

  if (session) prune(session, spans);
  countProse(blocks, facts);
  for (const f of findings) if (f.rule === 'style.placeholder') facts.placeholders.push({ text: text.slice(f.start, f.end), start: f.start, end: f.end });
  const ranges = silencedRanges(text, model.directives);
  const shown: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of dedupe(findings)) (isSilenced(f, text, ranges, style) ? suppressed : shown).push(f);
  return { findings: shown, suppressed, facts, failures };
}

function finish(check: Check, level: Severity, raw: RawFinding, offset: number): Finding {
  const shift = <T extends { start: number; end: number }>(r: T): T => (offset ? { ...r, start: r.start + offset, end: r.end + offset } : r);
  return {
    ...raw,
    rule: check.id,
    severity: raw.severity ?? level,
    start: raw.start + offset,
    end: raw.end + offset,
    fixes: (raw.fixes ?? []).map(shift),
    related: raw.related?.map(shift),
  };
}

function dedupe(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const out: Finding[] = [];
  for (const f of findings) {
    const prev = out[out.length - 1];
    if (prev && prev.start === f.start && prev.end === f.end && prev.rule === f.rule) continue;
    out.push(f);
  }
  return out;
}

function prune(session: Session, spans: BlockSpan[]): void {
  // Keep only what the current text uses, so the cache never grows past one copy of the document.
  if (session.blocks.size <= spans.length * 2 + 16) return;
  const keep = new Set(spans.map(blockKey));
  for (const k of session.blocks.keys()) if (!keep.has(k)) session.blocks.delete(k);
}

function countProse(blocks: Block[], facts: DocumentFacts): void {
  for (const b of blocks) {
    facts.words += b.tokens.words;
    facts.sentences += b.sentences.length;
    for (const s of b.sentences) {
      let w = 0;
      for (let i = s.tokFrom; i < s.tokTo; i++) if (b.tokens.kind[i] !== 3) w++;
      if (w > facts.longestSentence) facts.longestSentence = w;
    }
  }
}

function mergeFacts(into: DocumentFacts, from: Partial<DocumentFacts>): void {
  if (from.quotes) into.quotes.push(...from.quotes);
  if (from.names) into.names.push(...from.names);
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
