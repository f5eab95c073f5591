// `copydesk style import PATH`: turns lists a newsroom already keeps into copydesk.yaml entries.
// Vale styles (substitution, existence and consistency rules), prh dictionaries and `wrong,right,note` CSV
// rows become substitutions, pattern rules and consistency pairs; everything else is reported with a reason.
// Nothing read here is run as code: files are parsed as YAML or CSV, and patterns are checked by RE2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { compilePatterns } from '../engine/style/patterns.js';
import type { Level, PatternEntry, SubstitutionEntry } from '../engine/style/types.js';

export interface Imported {
  substitutions: SubstitutionEntry[];
  patterns: PatternEntry[];
  consistency: string[][];
  /** What could not be converted, and why. */
  skipped: { source: string; what: string; why: string }[];
  /** Files read, with the format each was read as. */
  files: { file: string; format: 'vale' | 'prh' | 'csv' }[];
}

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} '’.&-]*$/u;
const MAX_FILES = 2000;

export function importStyle(input: string): Imported {
  const out: Imported = { substitutions: [], patterns: [], consistency: [], skipped: [], files: [] };
  const files = fs.statSync(input).isDirectory() ? listFiles(input) : [input];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      out.skipped.push({ source: shown, what: 'file', why: `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    if (/\.csv$/i.test(file)) {
      out.files.push({ file: shown, format: 'csv' });
      importCsv(text, shown, out);
      continue;
    }
    let data: unknown;
    try {
      const doc = parseDocument(text, { logLevel: 'error' });
      if (doc.errors.length) throw new Error(doc.errors[0]!.message.split('\n')[0]);
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      out.skipped.push({ source: shown, what: 'file', why: `not valid YAML (${(e as Error).message})` });
      continue;
    }
    const obj = (data ?? {}) as Record<string, unknown>;
    if (Array.isArray(obj.rules)) {
      out.files.push({ file: shown, format: 'prh' });
      importPrh(obj, shown, out);
    } else if (typeof obj.extends === 'string') {
      out.files.push({ file: shown, format: 'vale' });
      importVale(obj, shown, path.basename(file).replace(/\.ya?ml$/i, ''), out);
    } else {
      out.skipped.push({ source: shown, what: 'file', why: 'neither a Vale rule (extends:) nor a prh dictionary (rules:)' });
    }
  }
  // Every pattern must run on the linear-time engine the checks use.
  const { problems } = compilePatterns(out.patterns);
  const refused = new Set(problems.map((p) => p.index));
  for (const p of problems) out.skipped.push({ source: out.patterns[p.index]!.id, what: `pattern ${out.patterns[p.index]!.pattern}`, why: p.message });
  out.patterns = out.patterns.filter((_, i) => !refused.has(i));
  return out;
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= MAX_FILES) return;
      const p = path.join(d, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) walk(p);
      else if (e.isFile() && /\.(ya?ml|csv)$/i.test(e.name)) found.push(p);
    }
  };
  walk(dir);
  return found;
}

const LEVELS: Record<string, Level> = { error: 'error', warning: 'warning', suggestion: 'info' };

/** A rule id from a file or rule name: lower case letters, digits and hyphens. */
function idOf(name: string, taken: PatternEntry[]): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
  let id = base;
  for (let n = 2; taken.some((p) => p.id === id); n++) id = `${base}-${n}`;
  return id;
}

/** Vale's message with its %s placeholders filled (Vale puts the match, then the suggestion, in them). */
function valeMessage(message: unknown, ...fill: string[]): string | undefined {
  if (typeof message !== 'string' || !message.trim()) return undefined;
  let k = 0;
  return message.replace(/%s/g, () => fill[k++] ?? fill[fill.length - 1] ?? '').trim();
}

function importVale(rule: Record<string, unknown>, source: string, name: string, out: Imported): void {
  const kind = String(rule.extends);
  const ignorecase = rule.ignorecase === true;
  const severity = LEVELS[String(rule.level ?? 'warning')] ?? 'warning';
  const nonword = rule.nonword === true;
  if (kind === 'substitution') {
    const swap = rule.swap as Record<string, unknown> | undefined;
    if (!swap || typeof swap !== 'object') return void out.skipped.push({ source, what: 'substitution', why: 'no swap: mapping' });
    for (const [bad, goodRaw] of Object.entries(swap)) {
      const goods = String(goodRaw ?? '').split('|').map((g) => g.trim()).filter(Boolean);
      if (!goods.length) {
        out.skipped.push({ source, what: `swap ${bad}`, why: 'no replacement' });
        continue;
      }
      const plainBad = PLAIN.test(bad);
      const message = valeMessage(rule.message, goods[0]!, plainBad ? bad : 'this');
      if (plainBad && goods.every((g) => PLAIN.test(g))) {
        out.substitutions.push(clean({ prefer: goods[0]!, over: [bad], message, note: goods.length > 1 ? `or ${goods.slice(1).join(', ')}` : undefined, caseSensitive: ignorecase ? undefined : true }));
      } else {
        // A regular expression: a pattern rule; the suggestion only when it is plain text (Vale's $1 groups are not carried over).
        const suggest = goods.length === 1 && !/[$\\]/.test(goods[0]!) ? goods[0] : undefined;
        out.patterns.push(clean({ id: idOf(name, out.patterns), pattern: nonword ? bad : `\\b(?:${bad})\\b`, message: message ?? `Use ${goods.join(' or ')}.`, severity, suggest, caseSensitive: !ignorecase }));
      }
    }
  } else if (kind === 'existence') {
    const tokens = [...(Array.isArray(rule.tokens) ? rule.tokens : []), ...(Array.isArray(rule.raw) ? [rule.raw.join('')] : [])].map(String).filter(Boolean);
    if (!tokens.length) return void out.skipped.push({ source, what: 'existence', why: 'no tokens: or raw: to look for' });
    const raw = Array.isArray(rule.raw) && !Array.isArray(rule.tokens);
    const alternation = tokens.join('|');
    out.patterns.push(clean({ id: idOf(name, out.patterns), pattern: raw || nonword ? alternation : `\\b(?:${alternation})\\b`, message: valeMessage(rule.message, 'this') ?? `Avoid “${tokens[0]}”.`, severity, caseSensitive: !ignorecase }));
  } else if (kind === 'consistency') {
    const either = rule.either as Record<string, unknown> | undefined;
    if (!either || typeof either !== 'object') return void out.skipped.push({ source, what: 'consistency', why: 'no either: mapping' });
    for (const [a, b] of Object.entries(either)) {
      if (PLAIN.test(a) && PLAIN.test(String(b))) out.consistency.push([a, String(b)]);
      else out.skipped.push({ source, what: `either ${a}: ${String(b)}`, why: 'a regular expression; consistency pairs are plain spellings' });
    }
  } else {
    out.skipped.push({ source, what: `extends: ${kind}`, why: `Vale's ${kind} rules have no copydesk.yaml equivalent (substitution, existence and consistency are converted)` });
  }
}

function importPrh(dict: Record<string, unknown>, source: string, out: Imported): void {
  if (dict.imports) out.skipped.push({ source, what: 'imports', why: 'imported dictionaries are not followed; import each file' });
  (dict.rules as unknown[]).forEach((r, i) => {
    const rule = (typeof r === 'string' ? { expected: r } : r) as Record<string, unknown>;
    const expected = typeof rule.expected === 'string' ? rule.expected : undefined;
    const where = `rule ${i + 1}${expected ? ` (${expected})` : ''}`;
    if (!expected) return void out.skipped.push({ source, what: where, why: 'no expected:' });
    const list = [rule.pattern, ...(Array.isArray(rule.patterns) ? rule.patterns : [rule.patterns])].filter((p): p is string => typeof p === 'string');
    if (!list.length) return void out.skipped.push({ source, what: where, why: 'no pattern: prh then only fixes the case of the expected word, which copydesk.yaml does not express' });
    const note = typeof rule.prh === 'string' ? rule.prh : undefined;
    const plain: string[] = [];
    for (const p of list) {
      const re = /^\/(.*)\/([a-z]*)$/s.exec(p);
      if (re) {
        const suggest = /\$\d|\$&/.test(expected) ? undefined : expected;
        out.patterns.push(clean({ id: idOf(`prh-${expected}`, out.patterns), pattern: re[1]!, message: note ?? `Use “${expected}”.`, suggest, caseSensitive: !re[2]!.includes('i') }));
      } else if (p !== expected) plain.push(p);
    }
    if (plain.length) out.substitutions.push(clean({ prefer: expected, over: plain, note, caseSensitive: true }));
  });
}

/** `wrong,right,note` rows (a header row is recognised and skipped; fields may be quoted). */
function importCsv(text: string, source: string, out: Imported): void {
  const rows = parseCsv(text);
  rows.forEach((row, i) => {
    const [wrong = '', right = '', note = ''] = row.map((c) => c.trim());
    if (i === 0 && /^wrong$/i.test(wrong) && /^right$/i.test(right)) return;
    if (!wrong && !right) return;
    const where = `line ${i + 1}`;
    if (!wrong) return void out.skipped.push({ source, what: where, why: 'no wrong form' });
    if (!right) return void out.skipped.push({ source, what: `${where} (${wrong})`, why: 'no right form to suggest' });
    if (wrong === right) return void out.skipped.push({ source, what: `${where} (${wrong})`, why: 'wrong and right are the same' });
    const same = out.substitutions.find((s) => s.prefer === right && (s.note ?? '') === note);
    if (same) same.over.push(wrong);
    else out.substitutions.push(clean({ prefer: right, over: [wrong], note: note || undefined }));
  });
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows.map((r) => (r.length === 1 && r[0]!.replace(/^\uFEFF/, '').trim() === '' ? [] : r.map((c, k) => (k === 0 ? c.replace(/^\uFEFF/, '') : c))));
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** The entries as copydesk.yaml text: appended to an existing file's lists (its comments kept, equal
 *  entries not repeated), or a new file that extends the default preset. */
export function renderStyle(imp: Imported, existing?: string): string {
  const doc = parseDocument(existing && existing.trim() ? existing : '# Imported by copydesk style import\nextends: default\n', { logLevel: 'error' });
  if (doc.errors.length) throw new Error(`the existing file has YAML errors; fix them first (${doc.errors[0]!.message.split('\n')[0]})`);
  const add = (key: string, items: unknown[]): void => {
    if (!items.length) return;
    const current = (doc.get(key) as { toJSON?: () => unknown[] } | undefined)?.toJSON?.() ?? [];
    const seen = new Set(current.map((x) => JSON.stringify(x)));
    const fresh = items.filter((x) => !seen.has(JSON.stringify(x)));
    if (!fresh.length) return;
    if (!doc.has(key) || doc.get(key) === null) doc.set(key, doc.createNode([]));
    for (const item of fresh) doc.addIn([key], doc.createNode(item));
  };
  add('substitutions', imp.substitutions);
  add('patterns', imp.patterns);
  add('consistency', imp.consistency);
  return doc.toString({ lineWidth: 0 });
}
