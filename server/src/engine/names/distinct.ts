// Spellings the desk has recorded as different names (names.distinct in copydesk.yaml, written by the
// "Treat as a different name" quick fix): no names check treats one as a misspelling of another.

const groupsMemo = new WeakMap<object, Map<string, Set<string>>>();

/** True when the house style records the two spellings as different names (names.distinct). */
export function distinctNames(config: { distinct?: string[][] }, a: string, b: string): boolean {
  const groups = config.distinct;
  if (!groups?.length) return false;
  let map = groupsMemo.get(groups);
  if (!map) {
    map = new Map();
    for (const group of groups) {
      const lower = group.map((x) => x.trim().toLowerCase());
      for (const x of lower) {
        let set = map.get(x);
        if (!set) map.set(x, (set = new Set()));
        for (const y of lower) if (y !== x) set.add(y);
      }
    }
    groupsMemo.set(groups, map);
  }
  const la = a.trim().toLowerCase();
  const lb = b.trim().toLowerCase();
  if (map.get(la)?.has(lb)) return true;
  // A group of single words also covers the full names that end in them (Paul Johnston, Eric Johnson).
  const last = (s: string) => s.slice(s.lastIndexOf(' ') + 1);
  return la.includes(' ') || lb.includes(' ') ? map.get(last(la))?.has(last(lb)) === true : false;
}
