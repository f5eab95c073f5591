// An open document kept as a PieceText (engine/document/text.ts): a keystroke makes one new piece of a few
// kilobytes instead of a new string of the whole draft, and the engine reads the pieces. Positions work as
// in vscode-languageserver-textdocument (whose update reads the new string, which makes V8 flatten it): line
// starts are kept up to date from the inserted text, and a position never points between \r and \n.
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceText } from '../engine/document/text.js';

const isEOL = (c: number): boolean => c === 13 || c === 10;

/** Where the lines after each line break of `text` start, offset by `at`; with `lineStart`, `at` first. */
function lineStarts(text: { length: number; charCodeAt(i: number): number }, lineStart: boolean, at = 0): number[] {
  const out = lineStart ? [at] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isEOL(c)) continue;
    if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
    out.push(at + i + 1);
  }
  return out;
}

export class PieceDocument implements TextDocument {
  private starts: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public text: PieceText,
  ) {}

  get lineCount(): number {
    return this.lines().length;
  }

  getText(range?: Range): string {
    if (!range) return this.text.toString();
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const starts = this.lines();
    let low = 0;
    let high = starts.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (starts[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEOL(offset, starts[line]!);
    return { line, character: offset - starts[line]! };
  }

  /** Whether positionAt(offset) is (line, character), told from the line starts alone. It may say no for a
   *  position that is right: at a line's last character, where positionAt steps back out of a CRLF pair. */
  isAt(offset: number, line: number, character: number): boolean {
    const starts = this.lines();
    if (line >= starts.length || starts[line]! + character !== offset || character < 0) return false;
    return line + 1 < starts.length ? offset < starts[line + 1]! - 1 : offset <= this.text.length;
  }

  offsetAt(position: Position): number {
    const starts = this.lines();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line]!;
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return this.beforeEOL(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const starts = this.lines();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - starts[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = starts[line]!;
    const next = line + 1 < starts.length ? starts[line + 1]! : this.text.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lines();
    if (line >= starts.length || line < 0) return '';
    const next = line + 1 < starts.length ? starts[line + 1]! : this.text.length;
    return this.text.slice(this.beforeEOL(next, starts[line]!), next);
  }

  /** Applies the editor's changes in order (ranges, or the whole text). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.text = PieceText.of(change.text);
        this.starts = undefined;
        continue;
      }
      let { start: from, end: to } = change.range;
      if (from.line > to.line || (from.line === to.line && from.character > to.character)) [from, to] = [to, from];
      const start = this.offsetAt(from);
      const end = this.offsetAt(to);
      this.text = this.text.edit(start, end, change.text);
      const insertedEnd = start + change.text.length;
      const crlfAt = (i: number): boolean => this.text.charCodeAt(i - 1) === 13 && this.text.charCodeAt(i) === 10;
      if (this.starts === undefined || crlfAt(start) || crlfAt(insertedEnd)) {
        // A CRLF pair across an edit's edge is not among the inserted text's line breaks: count afresh.
        this.starts = undefined;
        continue;
      }
      const startLine = Math.max(from.line, 0);
      const endLine = Math.max(to.line, 0);
      const added = lineStarts(change.text, false, start);
      let starts = this.starts;
      if (endLine - startLine === added.length) for (let i = 0; i < added.length; i++) starts[i + startLine + 1] = added[i]!;
      // splice takes its items as arguments: a long paste is joined in instead.
      else if (added.length < 10_000) starts.splice(startLine + 1, endLine - startLine, ...added);
      else this.starts = starts = starts.slice(0, startLine + 1).concat(added, starts.slice(endLine + 1));
      const diff = change.text.length - (end - start);
      if (diff !== 0) for (let i = startLine + 1 + added.length; i < starts.length; i++) starts[i] = starts[i]! + diff;
    }
    this.version = version;
  }

  private lines(): number[] {
    return (this.starts ??= lineStarts(this.text, true));
  }

  private beforeEOL(offset: number, lineStart: number): number {
    while (offset > lineStart && isEOL(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** How vscode-languageserver's TextDocuments makes and updates documents: as PieceDocuments. */
export const pieceDocuments: TextDocumentsConfiguration<PieceDocument> = {
  create: (uri, languageId, version, content) => new PieceDocument(uri, languageId, version, PieceText.of(content)),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
