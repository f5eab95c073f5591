// The writer's silencing: copydesk-disable / -enable / -disable-next-line comments and the style's ignore list.
import { forEachLine, type Directive } from './document/model.js';
import type { TextLike } from './document/text.js';
import type { CompiledStyle } from './style/types.js';
import type { Finding } from './types.js';

interface Silence {
  start: number;
  end: number;
  rules: string[] | null;
}

export function silencedRanges(text: TextLike, directives: Directive[]): Silence[] {
  if (directives.length === 0) return [];
  const out: Silence[] = [];
  const open: { at: number; rules: string[] | null }[] = [];
  for (const d of directives) {
    if (d.kind === 'disable') open.push({ at: d.end, rules: d.rules });
    else if (d.kind === 'enable') {
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i]!;
        if (d.rules === null || o.rules === null || o.rules.some((r) => d.rules!.includes(r))) {
          out.push({ start: o.at, end: d.start, rules: o.rules });
          open.splice(i, 1);
        }
      }
    } else {
      const line = nextContentLine(text, d.end);
      if (line) out.push({ start: line[0], end: line[1], rules: d.rules });
    }
  }
  for (const o of open) out.push({ start: o.at, end: text.length, rules: o.rules });
  return out;
}

/** The first line after `from` that has any text (a blank line may sit between comment and paragraph). */
function nextContentLine(text: TextLike, from: number): [number, number] | null {
  let found: [number, number] | null = null;
  const rest = text.slice(from);
  let skippedOwnLine = false;
  forEachLine(rest, (s, e, blank) => {
    if (found) return;
    if (!skippedOwnLine) {
      skippedOwnLine = true;
      if (!blank) return; // the remainder of the comment's own line
      return;
    }
    if (!blank) found = [from + s, from + e];
  });
  return found;
}

function ruleMatches(pattern: string, rule: string): boolean {
  if (pattern === rule) return true;
  if (pattern.endsWith('.*')) return rule.startsWith(pattern.slice(0, -1));
  return pattern === rule.split('.')[0];
}

export function isSilenced(f: Finding, text: TextLike, ranges: Silence[], style: CompiledStyle): boolean {
  for (const r of ranges) {
    if (f.start >= r.start && f.start < r.end && (r.rules === null || r.rules.some((id) => ruleMatches(id, f.rule)))) return true;
  }
  const ignore = style.config.ignore;
  if (ignore.length) {
    const flagged = text.slice(f.start, f.end);
    for (const i of ignore) if (i.text === flagged && ruleMatches(i.rule, f.rule)) return true;
  }
  return false;
}
