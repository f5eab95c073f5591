import { test } from 'node:test';
import fc from 'fast-check';
import { styleSource, checkStyleProperties } from './style-properties';

test('random and mutated style files load or fail with a line and column, never throw or hang', () => {
  fc.assert(fc.property(styleSource, (s) => checkStyleProperties(s)), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
});
