import type { Check } from '../../check.js';
import { TokenFlag } from '../../document/tokens.js';
import type { CompiledPattern } from '../../style/patterns.js';
import type { RawFinding, Severity } from '../../types.js';

/** A house pattern rule from copydesk.yaml (`patterns:`), run in linear time. */
export const pattern: Check = {
  id: 'style.pattern',
  family: 'style',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A pattern rule from the house style (`patterns:` in copydesk.yaml: id, pattern, message, severity, suggest, inQuotes), run on a linear-time regular-expression engine.',
  docs: { bad: [], good: ['Nothing here matches a house pattern.'] },
  block(block, { style }) {
    const compiled = (style.memo.get('patterns') as CompiledPattern[] | undefined) ?? [];
    if (compiled.length === 0) return undefined;
    const findings: RawFinding[] = [];
    for (const p of compiled) {
      if (p.entry.severity === 'off') continue;
      let from = 0;
      for (let guard = 0; guard < 10_000; guard++) {
        const m = p.exec(block.prose, from);
        if (!m) break;
        from = m.index + Math.max(1, m.text.length);
        if (m.text.length === 0) continue;
        const quoted = insideQuote(block.tokens, m.index);
        if (quoted && !p.entry.inQuotes) continue;
        const start = m.index;
        const end = m.index + m.text.length;
        findings.push({
          start,
          end,
          message: `${p.entry.message}${quoted ? ' (inside a direct quote)' : ''}`,
          severity: p.entry.severity as Severity | undefined,
          fixes: p.entry.suggest !== undefined ? [{ start, end, text: p.entry.suggest.replace(/\$&/g, m.text), title: `Replace with “${p.entry.suggest}”` }] : [],
          data: { pattern: p.entry.id },
        });
      }
    }
    return findings.length ? { findings } : undefined;
  },
};

function insideQuote(t: { count: number; start: Int32Array; flags: Uint8Array }, offset: number): boolean {
  // Binary search for the token at the offset.
  let lo = 0;
  let hi = t.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.start[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return t.count > 0 && (t.flags[lo]! & TokenFlag.InQuote) !== 0;
}
