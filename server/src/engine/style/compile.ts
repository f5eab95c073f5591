import { createHash } from 'node:crypto';
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
  const key = createHash('sha1').update(JSON.stringify(config)).update(source).digest('hex').slice(0, 16);
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

/** The same style with an archive's name counts attached (names.archive); a new key, so every cached
 *  result is redone when the archive changes. Compiled matchers are shared with the original. */
export function withArchive(style: CompiledStyle, archive: NameArchive | undefined): CompiledStyle {
  if (style.archive === archive && (!archive || style.key.endsWith(`~${archive.version}`))) return style;
  const base = style.key.replace(/~.*$/, '');
  return { ...style, archive, key: archive ? `${base}~${archive.version}` : base };
}
