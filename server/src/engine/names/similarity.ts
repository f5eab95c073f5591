// How alike two spellings of a name are: transliteration-aware folding and a bounded edit distance.

const HAS_NON_ASCII = /[^\x00-\x7f]/;
// A constant, not a literal in the function: the bundle (target node18) builds a \p{…} literal anew on every call.
const MARKS = /\p{M}/gu;

export function stripDiacritics(s: string): string {
  return HAS_NON_ASCII.test(s) ? s.normalize('NFD').replace(MARKS, '').replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L')).replace(/ø/g, 'o').replace(/ß/g, 'ss') : s;
}

/** A key under which transliteration variants of one name meet: Zaporizhzhya, Zaporizhzhia and
 *  Zaporozhye do not all meet, but Zelenskyy/Zelenskiy/Zelenskyi/Zelensky and Ferrandiz/Ferrándiz do. */
export function foldName(s: string): string {
  let f = stripDiacritics(s).toLowerCase().replace(/['’`]/g, '').replace(/[-\s]+/g, ' ');
  f = f
    .replace(/zhzh/g, 'zh')
    .replace(/kh/g, 'h')
    .replace(/(?<=[a-z])(?:iy|yy|yi|ii|ij)(?=\b|[^a-z])/g, 'y')
    .replace(/(?<=[a-z])y(?=\b|[^a-z])/g, 'y')
    .replace(/ya/g, 'ia')
    .replace(/yu/g, 'iu')
    .replace(/ye/g, 'ie')
    .replace(/([a-z])\1+/g, '$1');
  return f;
}

/** Optimal-string-alignment distance (edits, with adjacent transpositions), or max + 1 when above max. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb]!;
}

/** Edits allowed between two spellings of one name, by length: short names differ by one letter too
 *  often to be the same (Li Wei, Li Wen; Mali, Bali), long ones tolerate two. */
export function allowedEdits(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Same name, differently spelled: equal after folding, or within the allowed edits (lower-cased, no diacritics). */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return false;
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa === fb) return true;
  const pa = stripDiacritics(a).toLowerCase();
  const pb = stripDiacritics(b).toLowerCase();
  const max = allowedEdits(Math.min(pa.length, pb.length));
  if (max === 0) return false;
  return editDistance(pa, pb, max) <= max || editDistance(fa, fb, max) <= max;
}

/** Every string reachable by deleting one character: two words within one edit (or one transposition)
 *  of each other share a key, which finds candidates without comparing every pair. */
export function deletionKeys(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** Plurals and demonyms are other words, not other spellings (Houthi/Houthis, Ukraine/Ukrainian). */
export function inflected(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.startsWith(s) && /^(?:s|es|n|an|ian|i|ese|ish)$/.test(l.slice(s.length))) return true;
  return l.startsWith(s.slice(0, -1)) && /^(?:ian|an|n|i)$/.test(l.slice(s.length - 1));
}
