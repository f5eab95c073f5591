import type { Finding, Fix } from './types.js';

/** The first fix of every finding, in order, dropping any that would overlap an earlier one. */
export function preferredFixes(findings: readonly Finding[], filter?: (f: Finding) => boolean): Fix[] {
  const fixes: Fix[] = [];
  for (const f of findings) {
    if (filter && !filter(f)) continue;
    const fix = f.fixes[0];
    if (fix && !fix.snippet && !fix.manual) fixes.push(fix);
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Fix[] = [];
  let lastEnd = -1;
  for (const fx of fixes) {
    if (fx.start < lastEnd || (fx.start === lastEnd && fx.start === fx.end && out.length && out[out.length - 1]!.start === fx.start)) continue;
    out.push(fx);
    lastEnd = fx.end;
  }
  return out;
}

/** Applies non-overlapping fixes to a text (text outside their ranges is never touched). */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.text;
    at = f.end;
  }
  return out + text.slice(at);
}
