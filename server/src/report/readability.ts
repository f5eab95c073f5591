// Readability figures computed from the prose: words, sentences, mean and longest sentence, and the
// Flesch–Kincaid grade from estimated syllables (vowel groups, with the usual silent-e adjustment).

export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export function fleschKincaidGrade(words: number, sentences: number, syllableCount: number): number {
  if (words === 0 || sentences === 0) return 0;
  return Math.round((0.39 * (words / sentences) + 11.8 * (syllableCount / words) - 15.59) * 10) / 10;
}

export function countSyllables(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/[A-Za-z]+/g)) n += syllables(m[0]);
  return n;
}

/** Mean syllables per word of the text. The engine counts words in prose only (no markup, URLs or
 *  code), so the grade takes this ratio rather than a syllable total over the raw text. */
export function syllablesPerWord(text: string): number {
  let words = 0;
  let syll = 0;
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    words++;
    syll += syllables(m[0]);
  }
  return words ? syll / words : 0;
}
