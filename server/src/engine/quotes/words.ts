// Counting the words of a quote by reading its characters: a quote's length decides scare quote or direct
// quote, and its shape a title, for every quote of every paragraph; regular expressions that return the
// words would build an array of strings each time.

const LETTER_AT = /\p{L}/uy;
const NUMBER_AT = /\p{N}/uy;

/** What \s matches, read by char code. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Code units of the letter (\p{L}) at i, or 0. */
function letterAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(s) ? LETTER_AT.lastIndex - i : 0;
}

/** Code units of the number character (\p{N}) at i, or 0. */
function numberAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 48 && c <= 57 ? 1 : 0;
  NUMBER_AT.lastIndex = i;
  return NUMBER_AT.test(s) ? NUMBER_AT.lastIndex - i : 0;
}

function wordCharAt(s: string, i: number): number {
  return letterAt(s, i) || numberAt(s, i);
}

/** How many matches /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+|(?<=\p{N})[,.]\p{N}+)*\/gu finds in s: words joined
 *  by inner apostrophes and hyphens, and numbers with inner commas and points ("2,521" and "3.5" are one). */
export function countQuotedWords(s: string): number {
  let count = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    let w = wordCharAt(s, i);
    if (!w) {
      i++;
      continue;
    }
    count++;
    // The last character taken, to read the lookbehind (?<=\p{N}).
    let lastNumber = false;
    while (i < n && (w = wordCharAt(s, i))) {
      lastNumber = numberAt(s, i) > 0;
      i += w;
    }
    for (;;) {
      const c = s.charCodeAt(i);
      if ((c === 39 || c === 0x2019 || c === 45) && i + 1 < n && wordCharAt(s, i + 1)) {
        i++;
        while (i < n && (w = wordCharAt(s, i))) {
          lastNumber = numberAt(s, i) > 0;
          i += w;
        }
        continue;
      }
      if ((c === 44 || c === 46) && lastNumber && i + 1 < n && numberAt(s, i + 1)) {
        i++;
        while (i < n && (w = numberAt(s, i))) i += w;
        lastNumber = true;
        continue;
      }
      break;
    }
  }
  return count;
}

/** Whether s has more than max runs of non-space characters (\S+) that contain a letter. */
export function moreLetterWordsThan(s: string, max: number): boolean {
  let count = 0;
  let letter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      if (letter && ++count > max) return true;
      letter = false;
    } else if (!letter && letterAt(s, i)) letter = true;
  }
  return letter ? count + 1 > max : count > max;
}
