import type { Severity } from '../types.js';
import type { NameArchive } from '../names/archive.js';
import type { PhraseIndex } from './phrases.js';

export type Level = Severity | 'off';

export interface NameEntry {
  name: string;
  variants: string[];
  note?: string;
  title?: string;
  kind?: 'person' | 'place' | 'organization' | 'other';
  short?: string;
  not?: string[];
  /** Where the entry came from: a preset, the workspace style file, or the archive. */
  origin: 'preset' | 'house' | 'archive';
}

export interface SubstitutionEntry {
  prefer: string;
  over: string[];
  message?: string;
  note?: string;
  inQuotes?: boolean;
  caseSensitive?: boolean;
}

export interface PatternEntry {
  id: string;
  pattern: string;
  message: string;
  severity?: Level;
  suggest?: string;
  caseSensitive?: boolean;
  inQuotes?: boolean;
  examples?: { flag?: string[]; pass?: string[] };
}

/** The plain, merged house style (preset + copydesk.yaml), before compilation. */
export interface StyleConfig {
  preset: string;
  names: NameEntry[];
  /** Globs of published stories to learn name spellings from (names.archive), relative to the style file's folder. */
  archive: string[];
  /** Groups of similar spellings that are different entities (Johnson, Johnston): never one another's misspelling. */
  distinct: string[][];
  substitutions: SubstitutionEntry[];
  words: string[];
  rules: Record<string, Level | [Level, Record<string, unknown>?]>;
  ignore: { rule: string; text: string }[];
  quotes: { style: 'curly' | 'straight' | 'any' };
  consistency: string[][];
  patterns: PatternEntry[];
  date?: string;
  locale: 'en-US' | 'en-GB';
  /** Names known to be correct (countries, capitals): never treated as misspellings of another name. */
  known: string[];
}

/** A house style compiled once into matchers that every check shares. */
export interface CompiledStyle {
  /** Changes whenever anything in the style changes; part of every cache key. */
  key: string;
  config: StyleConfig;
  words: Set<string>;
  phrases: PhraseIndex;
  /** The configured level of a rule, or undefined to use the rule's default. */
  level(rule: string): Level | undefined;
  options(rule: string): Record<string, unknown>;
  /** Path of the style file this came from, when any. */
  file?: string;
  /** Pattern rules that could not be compiled (index into config.patterns), reported on their line. */
  patternProblems?: { index: number; message: string }[];
  /** How names are spelled in the newsroom's archive (names.archive), when the style has one and it was indexed.
   *  Attached outside the engine (the server or the CLI index the files); part of the key. */
  archive?: NameArchive;
  /** Compiled artefacts that checks build once per style and share (keyed by check id). */
  memo: Map<string, unknown>;
}

export interface StyleProblem {
  message: string;
  /** 0-based offset and length in the YAML source. */
  offset: number;
  length: number;
  /** 1-based line and column. */
  line: number;
  column: number;
  severity: 'error' | 'warning';
}
