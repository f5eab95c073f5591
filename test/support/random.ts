/** A seeded pseudo-random stream of numbers in [0, 1) (a linear congruential generator): random tests that
 *  replay the same cases on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}
