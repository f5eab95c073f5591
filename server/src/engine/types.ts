// The engine's vocabulary. Offsets are 0-based UTF-16 code units, [start, end), everywhere in the engine;
// lines and columns exist only in the shells (server, CLI, report).

export type Family = 'names' | 'quotes' | 'style' | 'spelling';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** One edit that repairs a finding. Usually it replaces the finding's own range; an insertion fix
 *  (e.g. adding "Zelensky said.") carries its own range. */
export interface Fix {
  start: number;
  end: number;
  text: string;
  /** Title shown in the editor ("Replace with “Kyiv”"); defaults to one built from text. */
  title?: string;
  /** The text is an LSP snippet the writer is expected to edit ($1 placeholders). */
  snippet?: boolean;
  /** An editorial choice offered as a quick fix but never applied by fix-all (a first reference's full name). */
  manual?: boolean;
}

export interface Related {
  start: number;
  end: number;
  message: string;
}

/** What a check reports; the runner turns it into a Finding. */
export interface RawFinding {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  related?: Related[];
  /** Overrides the rule's configured severity for this one finding (e.g. a softer warning). */
  severity?: Severity;
  /** Free-form facts for hovers and reports (canonical name, speaker, ...). */
  data?: Record<string, unknown>;
}

export interface Finding extends RawFinding {
  rule: string;
  severity: Severity;
  fixes: Fix[];
}

export interface CheckResult {
  findings: Finding[];
  /** Findings silenced by comments or the style's ignore list (counted, never shown). */
  suppressed: Finding[];
  /** Facts for reports and hovers: quotes with speakers, names seen, readability. */
  facts: DocumentFacts;
  /** Checks that threw or overran their budget, with the reason; their findings are missing. */
  failures: { rule: string; error: string }[];
}

export interface QuoteFact {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export interface NameFact {
  canonical: string;
  count: number;
  variants: { text: string; start: number; end: number }[];
  first: number;
}

export interface DocumentFacts {
  quotes: QuoteFact[];
  names: NameFact[];
  placeholders: { text: string; start: number; end: number }[];
  words: number;
  sentences: number;
  paragraphs: number;
  longestSentence: number;
}
