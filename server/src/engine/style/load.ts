// Reads copydesk.yaml: parse keeping source positions, validate against the JSON Schema, report every
// problem at its line and column, merge over the preset, and compile. Nothing in a style file is code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { archiveGlobProblem } from '../names/archive.js';
import { compileStyle } from './compile.js';
import { dataDir, readDataYaml } from './paths.js';
import type { CompiledStyle, Level, NameEntry, StyleConfig, StyleProblem, SubstitutionEntry } from './types.js';

export interface StyleLoad {
  /** Present when the file is usable (it may still carry warnings). */
  style?: CompiledStyle;
  problems: StyleProblem[];
}

/** Extra validation that needs the rule registry (unknown rule ids); injected to keep this module small. */
export type RuleIdCheck = (id: string) => boolean;
let knownRule: RuleIdCheck = () => true;
export function setKnownRuleCheck(fn: RuleIdCheck): void {
  knownRule = fn;
}

let validator: ValidateFunction | null = null;
function validate(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(fs.readFileSync(path.join(dataDir(), 'copydesk.schema.json'), 'utf8'));
    // Required here, not imported: the default style needs no validation, and Ajv's loading is ~7 ms of
    // every start-up that never reads a copydesk.yaml.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

const MAX_STYLE_BYTES = 5 * 1024 * 1024;

export function loadStyleText(source: string, file?: string): StyleLoad {
  const problems: StyleProblem[] = [];
  const lc = new LineCounter();
  const at = (offset: number, length: number, message: string, severity: 'error' | 'warning' = 'error'): void => {
    const pos = lc.linePos(offset);
    problems.push({ message, offset, length, line: pos.line, column: pos.col, severity });
  };
  if (source.length > MAX_STYLE_BYTES) {
    problems.push({ message: `style file is larger than ${MAX_STYLE_BYTES} bytes`, offset: 0, length: 0, line: 1, column: 1, severity: 'error' });
    return { problems };
  }
  let doc: Document;
  try {
    doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (e) {
    at(0, 0, `cannot read YAML: ${(e as Error).message}`);
    return { problems };
  }
  for (const err of doc.errors) at(err.pos[0], Math.max(1, err.pos[1] - err.pos[0]), err.message.split('\n')[0]!);
  for (const w of doc.warnings) at(w.pos[0], Math.max(1, w.pos[1] - w.pos[0]), w.message.split('\n')[0]!, 'warning');
  if (doc.errors.length) return { problems };
  let data: unknown;
  try {
    // Aliases that expand exponentially are refused by the YAML library's alias budget.
    data = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (e) {
    at(0, 0, `cannot read YAML: ${(e as Error).message}`);
    return { problems };
  }
  // A key with nothing under it ("words:" with only comments) is the same as leaving it out.
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [k, value] of Object.entries(data as Record<string, unknown>)) if (value === null) delete (data as Record<string, unknown>)[k];
  }
  const v = validate();
  if (!v(data)) {
    for (const err of simplify(v.errors ?? [])) {
      const [offset, length] = nodeRange(doc, err.instancePath, err);
      at(offset, length, describe(err));
    }
    return { problems };
  }
  const user = data as Record<string, any>;
  for (const id of Object.keys(user.rules ?? {})) {
    if (!knownRule(id)) {
      const [offset, length] = keyRange(doc, ['rules', id]);
      at(offset, length, `unknown rule id "${id}"`);
    }
  }
  if (user.names && !Array.isArray(user.names) && user.names.archive !== undefined) {
    const globs: string[] = [].concat(user.names.archive);
    globs.forEach((g, i) => {
      const why = archiveGlobProblem(g, file);
      if (!why) return;
      const [offset, length] = nodeRange(doc, Array.isArray(user.names.archive) ? `/names/archive/${i}` : '/names/archive');
      at(offset, length, why);
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  let config: StyleConfig;
  try {
    config = mergeOver(loadPreset(user.extends ?? 'default'), user);
  } catch (e) {
    at(0, 0, (e as Error).message);
    return { problems };
  }
  const style = compileStyle(config, source, file);
  for (const p of style.patternProblems ?? []) {
    const [offset, length] = nodeRange(doc, `/patterns/${p.index}/pattern`);
    at(offset, length, p.message);
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { style, problems };
}

export function loadStyleFile(file: string): StyleLoad {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { problems: [{ message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, offset: 0, length: 0, line: 1, column: 1, severity: 'error' }] };
  }
  return loadStyleText(source, file);
}

let defaultCache: CompiledStyle | null = null;
/** The built-in default house style (the `ap` preset) with nothing layered on it. */
export function defaultStyle(): CompiledStyle {
  return (defaultCache ??= compileStyle(loadPreset('default'), 'preset:default'));
}

const presetCache = new Map<string, StyleConfig>();
export function loadPreset(name: string, depth = 0): StyleConfig {
  const id = name === 'default' ? 'ap' : name;
  const hit = presetCache.get(id);
  if (hit) return hit;
  if (id === 'none') return emptyConfig('none');
  if (depth > 4) throw new Error(`presets extend each other too deeply at "${name}"`);
  const file = path.join(dataDir(), 'presets', `${id}.yaml`);
  if (!fs.existsSync(file)) throw new Error(`unknown preset "${name}"`);
  const raw = (readDataYaml(path.join('presets', `${id}.yaml`), (text) => parseDocument(text).toJS()) ?? {}) as Record<string, any>;
  const base = raw.extends ? loadPreset(raw.extends, depth + 1) : withBuiltinNames(emptyConfig(id));
  const merged = mergeOver(base, raw, 'preset');
  merged.preset = id;
  if (id === 'british') merged.locale = 'en-GB';
  presetCache.set(id, merged);
  return merged;
}

function emptyConfig(preset: string): StyleConfig {
  return { preset, names: [], archive: [], distinct: [], substitutions: [], words: [], rules: {}, ignore: [], quotes: { style: 'any' }, consistency: [], patterns: [], locale: 'en-US', known: [] };
}

interface BuiltinNames {
  names: (Omit<NameEntry, 'origin'> & { variants: string[] })[];
  known: string[];
}

/** The built-in names list (prebuilt compact JSON, see scripts/build-names.mjs). */
function withBuiltinNames(config: StyleConfig): StyleConfig {
  const file = path.join(dataDir(), 'names', 'builtin.json');
  if (!fs.existsSync(file)) return config;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as BuiltinNames;
  return { ...config, names: data.names.map((n) => ({ ...n, origin: 'preset' as const })), known: data.known };
}

/** Layers a style file's data over a base: entries with the same key replace the base's. */
export function mergeOver(base: StyleConfig, user: Record<string, any>, origin: NameEntry['origin'] = 'house'): StyleConfig {
  const userNames: any[] = Array.isArray(user.names) ? user.names : (user.names?.list ?? []);
  const archive: string[] = user.names && !Array.isArray(user.names) && user.names.archive ? [].concat(user.names.archive) : [];
  const distinct: string[][] = user.names && !Array.isArray(user.names) && Array.isArray(user.names.distinct) ? user.names.distinct : [];
  const names = new Map<string, NameEntry>();
  for (const n of base.names) names.set(n.name, n);
  for (const n of userNames) names.set(n.name, { ...n, variants: n.variants ?? [], origin });
  const subs: SubstitutionEntry[] = base.substitutions.map((s) => ({ ...s, over: [...s.over] }));
  for (const s of (user.substitutions ?? []) as SubstitutionEntry[]) {
    // A later preference for a term overrules an earlier rule that replaced it (per cent vs percent).
    for (const earlier of subs) earlier.over = earlier.over.filter((o) => o.toLowerCase() !== s.prefer.toLowerCase());
    const same = subs.findIndex((e) => e.prefer === s.prefer);
    if (same >= 0) subs.splice(same, 1);
    subs.push({ ...s });
  }
  const config: StyleConfig = {
    preset: base.preset,
    names: [...names.values()],
    archive: [...base.archive, ...archive],
    distinct: [...(base.distinct ?? []), ...distinct],
    substitutions: subs.filter((s) => s.over.length > 0),
    words: [...base.words, ...(user.words ?? [])],
    rules: { ...base.rules, ...(user.rules ?? {}) } as Record<string, Level>,
    ignore: [...base.ignore, ...(user.ignore ?? [])],
    quotes: { ...base.quotes, ...(user.quotes ?? {}) },
    consistency: [...base.consistency, ...(user.consistency ?? [])],
    patterns: [...base.patterns, ...(user.patterns ?? [])],
    date: user.date ?? base.date,
    locale: base.locale,
    known: base.known,
  };
  return config;
}

// ajv reports one error per failed branch of an anyOf; keep the most specific ones.
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  const deepest = new Map<string, number>();
  for (const e of errors) deepest.set(e.instancePath, Math.max(deepest.get(e.instancePath) ?? 0, e.schemaPath.length));
  for (const e of errors) {
    if (e.keyword === 'anyOf' && errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath))) continue;
    // A type mismatch from the other branch of an anyOf is noise when a branch got further into the value.
    if (e.keyword === 'type' && errors.some((o) => o.instancePath.length > e.instancePath.length && o.instancePath.startsWith(e.instancePath + '/'))) continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.slice(0, 20);
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the style file';
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${(e.params as any).additionalProperty}" in ${where}`;
    case 'required':
      return `${where} needs "${(e.params as any).missingProperty}"`;
    case 'enum':
      return `${where} must be one of: ${((e.params as any).allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `${where} must be ${(e.params as any).type === 'array' ? 'a list' : (e.params as any).type === 'object' ? 'a mapping' : `a ${(e.params as any).type}`}`;
    default:
      return `${where} ${e.message ?? 'is not valid'}`;
  }
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function nodeRange(doc: Document, instancePath: string, err?: ErrorObject): [number, number] {
  const p = pathOf(instancePath);
  if (err?.keyword === 'additionalProperties') {
    const r = keyRange(doc, [...p, (err.params as any).additionalProperty]);
    if (r[1] > 0) return r;
  }
  for (let n = p.length; n >= 0; n--) {
    const node = doc.getIn(p.slice(0, n), true);
    if (isNode(node) && node.range) return [node.range[0], Math.max(1, node.range[1] - node.range[0])];
  }
  return [0, 0];
}

/** The range of a mapping key (so "unknown key" points at the key, not its value). */
function keyRange(doc: Document, p: (string | number)[]): [number, number] {
  const parent = p.length > 1 ? doc.getIn(p.slice(0, -1), true) : doc.contents;
  const items = (parent as any)?.items as any[] | undefined;
  const last = p[p.length - 1];
  const pair = items?.find((it) => it?.key && (it.key.value ?? it.key) === last);
  const range = pair?.key?.range as [number, number, number] | undefined;
  return range ? [range[0], Math.max(1, range[1] - range[0])] : [0, 0];
}
