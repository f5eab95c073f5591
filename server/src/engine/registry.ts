// Every check Copydesk runs, sorted by id. Nothing else in the engine knows the checks one by one.
import type { Check } from './check.js';
import { setKnownRuleCheck } from './style/load.js';
import { archive } from './checks/names/archive.js';
import { inconsistent } from './checks/names/inconsistent.js';
import { listedVariant } from './checks/names/listed-variant.js';
import { misspelled } from './checks/names/misspelled.js';
import { reference } from './checks/names/reference.js';
import { marks } from './checks/quotes/marks.js';
import { unattributed } from './checks/quotes/unattributed.js';
import { unbalanced } from './checks/quotes/unbalanced.js';
import { unknown } from './checks/spelling/unknown.js';
import { consistency } from './checks/style/consistency.js';
import { pattern } from './checks/style/pattern.js';
import { placeholder } from './checks/style/placeholder.js';
import { repeatedWord } from './checks/style/repeated-word.js';
import { weekdayDate } from './checks/style/weekday-date.js';
import { substitution } from './checks/style/substitution.js';
import { numerals } from './checks/style/numerals.js';
import { monthAbbreviation } from './checks/style/month-abbreviation.js';
import { time } from './checks/style/time.js';
import { usAbbreviation } from './checks/style/us-abbreviation.js';
import { percent } from './checks/style/percent.js';
import { titleBeforeName } from './checks/style/title-before-name.js';

export const CHECKS: readonly Check<any>[] = [
  archive,
  inconsistent,
  listedVariant,
  misspelled,
  reference,
  marks,
  unattributed,
  unbalanced,
  unknown,
  consistency,
  pattern,
  placeholder,
  repeatedWord,
  weekdayDate,
  substitution,
  numerals,
  monthAbbreviation,
  time,
  usAbbreviation,
  percent,
  titleBeforeName,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const byId = new Map(CHECKS.map((c) => [c.id, c]));
setKnownRuleCheck((id) => byId.has(id));

export function findCheck(id: string): Check<any> | undefined {
  return byId.get(id);
}

export function ruleDocsUrl(id: string): string {
  return `https://github.com/copydesk/copydesk#${id.replace(/\./g, '')}`;
}
