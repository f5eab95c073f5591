import { compilePatterns } from './patterns.js';
import { PhraseIndex } from './phrases.js';
import type { NameArchive } from '../names/archive.js';
import type { CompiledStyle, Level, StyleConfig } from './types.js';

export function compileStyle(config: StyleConfig, source: string, file?: string): CompiledStyle {
  const phrases = new PhraseIndex();
  config.names.forEach((n, i) => {
    phrases.add(n.name, 'name', i);
    for (const v of n.variants) if (v !== n.name) phrases.add(v, 'variant', i);
  });
  config.substitutions.forEach((s, i) => {
    for (const o of s.over) phrases.add(o, 'substitution', i, s.caseSensitive ?? false);
  });
  const levels = new Map<string, Level>();
  const options = new Map<string, Record<string, unknown>>();
  for (const [id, v] of Object.entries(config.rules)) {
    if (Array.isArray(v)) {
      levels.set(id, v[0]);
      if (v[1]) options.set(id, v[1]);
    } else levels.set(id, v);
  }
  const key = digest(`${JSON.stringify(config)}\u0000${source}`);
  const patterns = compilePatterns(config.patterns);
  const memo = new Map<string, unknown>([['patterns', patterns.compiled]]);
  return {
    patternProblems: patterns.problems,
    key,
    config,
    words: new Set(config.words),
    phrases,
    level: (rule) => levels.get(rule),
    options: (rule) => options.get(rule) ?? {},
    file,
    memo,
  };
}

/** A 128-bit fingerprint of a style, naming the work cached for it. Four multiplicative hashes with
 *  different seeds rather than node:crypto, whose loading alone cost a CLI process ~9 ms at start-up; no
 *  secret rests on it, only the chance of two styles of one session colliding (about 2^-128). */
export function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const x = text.charCodeAt(i);
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    c = Math.imul(c ^ x, 0x27d4eb2d);
    d = Math.imul(d ^ x, 0x165667b1);
  }
  const hex = (h: number) => ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b) + hex(c) + hex(d);
}

/** The same style with an archive's name counts attached (names.archive); a new key, so every cached
 *  result is redone when the archive changes. Compiled matchers are shared with the original. */
export function withArchive(style: CompiledStyle, archive: NameArchive | undefined): CompiledStyle {
  if (style.archive === archive && (!archive || style.key.endsWith(`~${archive.version}`))) return style;
  const base = style.key.replace(/~.*$/, '');
  return { ...style, archive, key: archive ? `${base}~${archive.version}` : base };
}
