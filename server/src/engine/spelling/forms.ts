// The one-edit candidates of a misspelled word, ruled out in place against the dictionary's forms, from
// bytes, without building a string for each.

/** A set of words asked about from bytes (a WordTable). */
export interface ByteWords {
  hasBytes(buf: Uint8Array, n: number): boolean;
}

export function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Every string one edit from an a–z word that is in `forms`, in the order a transposition, a wrong
 *  letter, an extra letter, a missing letter (letters in the order given), repeats included: the
 *  caller decides on duplicates and single letters. */
export function oneEditForms(forms: ByteWords, word: string, letters: string): string[] {
  const n = word.length;
  const w = new Uint8Array(n);
  for (let i = 0; i < n; i++) w[i] = word.charCodeAt(i);
  const codes = Array.from(letters, (c) => c.charCodeAt(0));
  const buf = new Uint8Array(n + 1);
  const out: string[] = [];
  buf.set(w);
  for (let i = 0; i + 1 < n; i++) {
    buf[i] = w[i + 1]!;
    buf[i + 1] = w[i]!;
    if (forms.hasBytes(buf, n)) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    buf[i] = w[i]!;
    buf[i + 1] = w[i + 1]!;
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k]!;
      if (c === w[i]) continue;
      buf[i] = c;
      if (forms.hasBytes(buf, n)) out.push(word.slice(0, i) + letters[k] + word.slice(i + 1));
    }
    buf[i] = w[i]!;
  }
  for (let i = 0; i <= n; i++) {
    // buf = word[0..i) + c + word[i..n)
    for (let j = 0; j < i; j++) buf[j] = w[j]!;
    for (let j = i; j < n; j++) buf[j + 1] = w[j]!;
    for (let k = 0; k < codes.length; k++) {
      buf[i] = codes[k]!;
      if (forms.hasBytes(buf, n + 1)) out.push(word.slice(0, i) + letters[k] + word.slice(i));
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) buf[j] = w[j]!;
    for (let j = i + 1; j < n; j++) buf[j - 1] = w[j]!;
    if (forms.hasBytes(buf, n - 1)) out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}
