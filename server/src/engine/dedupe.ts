// One problem, one diagnostic: the run's findings in text order, each once, and where checks of one family
// flag overlapping text, only the finding of the check with priority.
import { CHECKS } from './registry.js';
import type { Finding } from './types.js';

const priorityOf = new Map(CHECKS.map((c) => [c.id, c.priority ?? 10]));
const familyOfRule = new Map(CHECKS.map((c) => [c.id, c.family as string]));
// Looked up, not sliced: dedupe compares families of every overlapping pair on every run.
const familyOf = (rule: string): string => familyOfRule.get(rule) ?? rule.slice(0, rule.indexOf('.'));

/** Sorts, drops exact duplicates, and where findings of one family overlap keeps the one whose check
 *  has priority (one problem, one diagnostic). */
export function dedupe(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const out: Finding[] = [];
  // The findings that still overlap the current one are open[0 .. openCount), kept in order and compacted in
  // place. The list is never shortened through its length: V8 trims the array's store, and the next push
  // allocates a new one, which was a store per finding on every keystroke.
  const open: Finding[] = [];
  let openCount = 0;
  for (const f of findings) {
    const prev = out[out.length - 1];
    if (prev && prev.start === f.start && prev.end === f.end && prev.rule === f.rule) continue;
    let kept = 0;
    for (let i = 0; i < openCount; i++) if (open[i]!.end > f.start) open[kept++] = open[i]!;
    openCount = kept;
    // The first of them of the same family and another rule.
    const family = familyOf(f.rule);
    let rival = -1;
    for (let i = 0; i < openCount; i++) {
      const o = open[i]!;
      if (o.rule !== f.rule && f.end > o.start && familyOf(o.rule) === family) {
        rival = i;
        break;
      }
    }
    if (rival >= 0) {
      const r = open[rival]!;
      if ((priorityOf.get(r.rule) ?? 10) <= (priorityOf.get(f.rule) ?? 10)) continue;
      out.splice(out.lastIndexOf(r), 1);
      for (let i = rival + 1; i < openCount; i++) open[i - 1] = open[i]!;
      openCount--;
    }
    out.push(f);
    open[openCount++] = f;
  }
  return out;
}
