// npm run fuzz: the long property-based run over engine and style files. Prints every failure with its seed.
import fc from 'fast-check';
import { draftText, languageId } from './arbitraries';
import { checkProperties } from './engine-properties';
import { styleSource, checkStyleProperties } from './style-properties';

const runs = Number(process.env.FUZZ_RUNS ?? 20000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const path = process.env.FUZZ_PATH;
console.log(`fuzz: ${runs} engine cases and ${Math.round(runs / 4)} style files, seed ${seed}`);
let failed = 0;
for (const [name, prop, n] of [
  ['engine', fc.property(draftText, languageId, (t, l) => checkProperties(t, l)), runs],
  ['style files', fc.property(styleSource, (s) => checkStyleProperties(s)), Math.round(runs / 4)],
] as const) {
  const t0 = Date.now();
  const out = fc.check(prop as fc.IProperty<unknown>, { numRuns: n, seed, path });
  if (out.failed) {
    failed++;
    console.log(`FAIL ${name}: seed ${out.seed} path ${out.counterexamplePath}\n${fc.defaultReportMessage(out)}`);
  } else console.log(`ok ${name}: ${out.numRuns} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`${failed === 0 ? 2 : 2 - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
