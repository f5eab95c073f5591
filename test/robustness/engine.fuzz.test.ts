import { test } from 'node:test';
import fc from 'fast-check';
import { draftText, languageId } from './arbitraries';
import { checkProperties } from './engine-properties';

// A short run inside npm test; `npm run fuzz` runs many more. A failure prints the seed and path to replay:
// FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run fuzz
test('any text in any language: check returns, ranges are valid, fixes are safe and fix-all converges', () => {
  fc.assert(fc.property(draftText, languageId, (text, lang) => checkProperties(text, lang)), { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });
});
