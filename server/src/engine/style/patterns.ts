// House pattern rules, compiled with RE2 (re2-wasm): linear time whatever the pattern, so no workspace can
// hang the server with "(a+)+$". Lookbehind and backreferences, which RE2 cannot run, are refused with a
// problem on the pattern's line instead.
import type { PatternEntry } from './types.js';

export interface CompiledPattern {
  entry: PatternEntry;
  exec(text: string, from: number): { index: number; text: string } | null;
}

interface Re2Like {
  lastIndex: number;
  exec(s: string): RegExpExecArray | null;
}

let RE2: (new (pattern: string, flags: string) => Re2Like) | null = null;
function engine(): new (pattern: string, flags: string) => Re2Like {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  RE2 ??= (require('re2-wasm') as { RE2: new (pattern: string, flags: string) => Re2Like }).RE2;
  return RE2;
}

export function compilePatterns(entries: PatternEntry[]): { compiled: CompiledPattern[]; problems: { index: number; message: string }[] } {
  const compiled: CompiledPattern[] = [];
  const problems: { index: number; message: string }[] = [];
  entries.forEach((entry, index) => {
    let re: Re2Like;
    try {
      re = new (engine())(entry.pattern, entry.caseSensitive ? 'gu' : 'giu');
    } catch (e) {
      const why = (e as Error).message.split('\n')[0]!.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
      problems.push({ index, message: `pattern "${entry.id}" cannot be used: ${why} (patterns run on a linear-time engine: no lookbehind, lookahead or backreferences)` });
      return;
    }
    compiled.push({
      entry,
      exec(text, from) {
        re.lastIndex = from;
        const m = re.exec(text);
        return m ? { index: m.index, text: m[0] } : null;
      },
    });
  });
  return { compiled, problems };
}
