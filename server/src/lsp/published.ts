// The diagnostics of a publish as JSON, reusing what the document's previous publish wrote. A keystroke
// changes a few findings; the others come back with the same rule, message and positions (often as new
// objects: a paragraph after the edit moved by a character but kept its lines), so their JSON is the JSON
// written last time. Writing a few hundred diagnostics afresh on every keystroke made most of the server's
// garbage, and its collections were most of the slowest keystrokes.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types.js';
import { diagnosticBody, positionsInto } from './convert.js';
import { PieceDocument } from './piece-document.js';
import type { JsonWritable, JsonWriter } from './wire.js';

/** One diagnostic as written: what its JSON was made from, and the JSON (as UTF-8, so a publish copies
 *  bytes instead of encoding a few hundred strings again). */
interface Written {
  rule: string;
  severity: string;
  message: string;
  related: Finding['related'];
  /** positionsInto the finding's ranges. */
  at: number[];
  body: Buffer;
}

/** A document's last publish, kept with the document between publishes. */
export class PublishedDiagnostics {
  uri = '';
  uriJson = '';
  list: Written[] = [];
}

// How far past the last reused diagnostic a publish looks for the next: an edit takes out a few findings
// at one place (a misspelling corrected, a quote closed); past them the two lists run in step again.
const WINDOW = 16;
// The positions of the finding being written, before they are known to differ from the last publish's.
const scratch: number[] = [];

/** The diagnostics of `findings` as JSON written into the message, reusing the JSON of `published`
 *  (and leaving this publish there for the next one). Positions are read now: the document changes in place. */
export function writtenDiagnostics(doc: TextDocument, findings: readonly Finding[], published: PublishedDiagnostics): Diagnostic[] {
  if (published.uri !== doc.uri) {
    published.uri = doc.uri;
    published.uriJson = JSON.stringify(doc.uri);
    published.list = [];
  }
  const before = published.list;
  const list: Written[] = new Array(findings.length);
  let next = 0;
  // Most findings stand where they stood: checked against the line starts, their last positions need no
  // search; a finding's positions are searched for only when that check fails (n, once per finding).
  const lines = doc instanceof PieceDocument ? doc : undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    let w: Written | undefined;
    let n = -1;
    for (let k = next; k < before.length && k < next + WINDOW; k++) {
      const c = before[k]!;
      if (!sameContent(c, f)) continue;
      if (!(lines && standsAt(lines, f, c.at))) {
        if (n < 0) n = positionsInto(scratch, doc, f);
        if (!samePositions(c.at, scratch, n)) continue;
      }
      w = c;
      next = k + 1;
      break;
    }
    if (!w) {
      if (n < 0) n = positionsInto(scratch, doc, f);
      const at = scratch.slice(0, n);
      w = { rule: f.rule, severity: f.severity, message: f.message, related: f.related, at, body: Buffer.from(diagnosticBody(f, at, published.uriJson), 'utf8') };
    }
    list[i] = w;
  }
  published.list = list;
  return new DiagnosticsJson(list) as unknown as Diagnostic[];
}

/** Whether `written` holds the first `n` positions of `at`. */
function samePositions(written: readonly number[], at: readonly number[], n: number): boolean {
  if (written.length !== n) return false;
  for (let k = 0; k < n; k++) if (written[k] !== at[k]) return false;
  return true;
}

/** Whether `w` was written from a finding with f's rule, severity, message and related messages. */
function sameContent(w: Written, f: Finding): boolean {
  if (w.message !== f.message || w.rule !== f.rule || w.severity !== f.severity) return false;
  if (w.related === f.related) return true;
  const a = w.related ?? [];
  const b = f.related ?? [];
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.message !== b[k]!.message) return false;
  return true;
}

/** Whether f's ranges are at the positions `at` (positionsInto's order) in `doc`. */
function standsAt(doc: PieceDocument, f: Finding, at: readonly number[]): boolean {
  const related = f.related;
  if (at.length !== 4 + 4 * (related?.length ?? 0)) return false;
  if (!doc.isAt(f.start, at[0]!, at[1]!) || !doc.isAt(f.end, at[2]!, at[3]!)) return false;
  if (related) {
    for (let i = 0; i < related.length; i++) {
      const k = 4 + 4 * i;
      if (!doc.isAt(related[i]!.start, at[k]!, at[k + 1]!) || !doc.isAt(related[i]!.end, at[k + 2]!, at[k + 3]!)) return false;
    }
  }
  return true;
}

const COMMA = 0x2c;

/** The diagnostics list of a publish: written piece by piece into the message; read back as objects by
 *  anything else that serialises it. */
class DiagnosticsJson implements JsonWritable {
  constructor(private readonly list: readonly Written[]) {}

  writeJson(w: JsonWriter): void {
    w.raw('[');
    for (let i = 0; i < this.list.length; i++) {
      if (i > 0) w.char(COMMA);
      w.bytes(this.list[i]!.body);
    }
    w.raw(']');
  }

  toJSON(): unknown {
    return this.list.map((w) => JSON.parse(w.body.toString('utf8')));
  }
}
