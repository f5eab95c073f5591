import { createHash } from 'node:crypto';
import { compilePatterns } from './patterns.js';
import { PhraseIndex } from './phrases.js';
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
