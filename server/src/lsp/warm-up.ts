// Warms the server's code while the writer is not typing. A fresh process runs its checks in V8's
// interpreter and baseline code until they have run often enough to be optimised: the first few hundred
// keystrokes of a session cost about twice what later ones do (typing p95 7–9 ms against 4–5 ms, measured
// with bench/typing.mjs). Once the first diagnostics are out and the spelling data is loaded, this types
// into a private copy of an open draft (a letter typed over, then put back) through the same path a
// keystroke takes: the document update, the engine with a session of its own, the diagnostics and their
// JSON. Nothing is published and the writer's document is never touched. Each step waits for a quiet
// moment: any message from the editor puts the warm-up off until QUIET_MS have passed without one, so a
// keystroke waits at most for the one step already running.
import { asString, PieceText, type TextLike } from '../engine/document/text.js';
import { Session, type CompiledStyle } from '../engine/index.js';
import { checkDraft } from './draft-check.js';
import { PieceDocument } from './piece-document.js';
import { PublishedDiagnostics } from './published.js';
import { diagnosticsOf } from './transport.js';
import { JsonWriter } from './wire.js';

/** What one step runs on the private copy (keystrokeWarmUp below: the engine, the diagnostics, their JSON). */
export type WarmStep = (doc: PieceDocument) => void;

export interface WarmUpOptions {
  steps?: number;
  quietMs?: number;
  /** How much of the draft is copied: a long draft is cut at a paragraph break. */
  maxChars?: number;
  /** Told when the warm-up has finished (steps run, milliseconds spent in them). */
  done?: (steps: number, ms: number) => void;
  /** Told when a step threw: the warm-up ends there (it is only ever a speed-up). */
  failed?: (error: unknown) => void;
  now?: () => number;
}

// 600 steps on the copy cost about 0.4 s of CPU, done about 1.5 s after the draft opens. Against 200, a fresh
// server typed into after 3 s of reading had a p95 of 4.2–4.9 ms instead of 4.9–5.8 ms (five alternating
// pairs, bench/typing.mjs), and fewer functions were still being optimised while the writer typed (CPU p95
// 4.7–5.9 against 6.3–7.4 ms); 1,200 steps gave no more.
const STEPS = 600;
// A writer's keystrokes come 100–250 ms apart, so a quiet moment of 30 ms falls between any two of them: a
// writer who types the moment the draft opens warms the server between keystrokes (a keystroke that lands
// during a step waits for that one step, 1–2 ms). With 300 ms the warm-up never ran while they typed: a
// fresh server typed into at once at a 100 ms pace had a server p95 of 6.7–7.2 ms over its first 150
// keystrokes (client p95 8.9–9.8) with 300 ms, 5.0–5.4 ms (one run 6.5; client p95 6.7–8.5) with 30 ms,
// in alternating runs (bench/typing.mjs, the fresh server at a writer's pace).
const QUIET_MS = 30;
const MAX_CHARS = 40_000;

export class WarmUp {
  private lastActivity = -Infinity;
  private started = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly steps: number;
  private readonly quietMs: number;
  private readonly maxChars: number;
  private readonly now: () => number;

  constructor(private readonly step: WarmStep, private readonly options: WarmUpOptions = {}) {
    this.steps = options.steps ?? STEPS;
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.maxChars = options.maxChars ?? MAX_CHARS;
    this.now = options.now ?? (() => performance.now());
  }

  /** A message from the editor: the next step waits for a quiet moment. */
  activity(): void {
    this.lastActivity = this.now();
  }

  /** Starts the warm-up on a copy of `text`, once per process; later calls do nothing. The server calls
   *  this after every publish, so only the first call looks at the text (a draft with no letter to type
   *  over is not warmed on, and is not read again on the next keystroke). */
  start(text: TextLike, languageId: string): void {
    if (this.started || this.stopped) return;
    this.started = true;
    const copy = cut(asString(text), this.maxChars);
    const positions = editable(copy);
    if (positions.length === 0) return;
    const doc = new PieceDocument('copydesk-warm-up:draft', languageId, 1, PieceText.of(copy));
    let k = 0;
    let spent = 0;
    let removed = '';
    const next = (): void => {
      this.timer = undefined;
      if (this.stopped) return;
      const quietFor = this.now() - this.lastActivity;
      if (quietFor < this.quietMs) {
        this.later(next, this.quietMs - quietFor);
        return;
      }
      const started = this.now();
      // Pairs of steps: a letter typed over, then the letter back, so the copy stays the draft.
      const pair = Math.floor(k / 2);
      const at = positions[pair % positions.length]!;
      const position = doc.positionAt(at);
      if (k % 2 === 0) {
        removed = doc.text.slice(at, at + 1);
        const typed = typedOver(removed, Math.floor(pair / positions.length));
        doc.update([{ range: { start: position, end: doc.positionAt(at + 1) }, text: typed }], doc.version + 1);
      } else {
        doc.update([{ range: { start: position, end: doc.positionAt(at + 1) }, text: removed }], doc.version + 1);
      }
      try {
        this.step(doc);
      } catch (error) {
        this.stopped = true;
        this.options.failed?.(error);
        return;
      }
      spent += this.now() - started;
      if (++k < this.steps) this.later(next, 0);
      else this.options.done?.(k, spent);
    };
    this.later(next, 0);
  }

  /** A timer that never keeps the process alive. */
  private later(run: () => void, ms: number): void {
    this.timer = setTimeout(run, ms);
    this.timer.unref?.();
  }

  /** Ends the warm-up (server shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The letter typed over `letter` in round `round` of the warm-up: another one each round. The session
 *  keeps each paragraph text's work, so a letter taken out and put back again would repeat the same texts
 *  after the first round, and the paragraph's own analysis (tokens, sentences, quotes, the block checks)
 *  would run only in that round: too seldom for V8 to optimise it, which the writer's first keystrokes then
 *  waited for. Upper case stays upper case, so a name stays a name. */
function typedOver(letter: string, round: number): string {
  const lower = letter.toLowerCase();
  let c = LETTERS[(LETTERS.indexOf(lower) + 1 + round) % LETTERS.length]!;
  if (c === lower) c = LETTERS[(LETTERS.indexOf(c) + 1) % LETTERS.length]!;
  return letter === lower ? c : c.toUpperCase();
}

const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';

/** At most `max` characters, cut after the last paragraph break before the limit when there is one. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const brk = text.lastIndexOf('\n\n', max);
  return text.slice(0, brk > max / 2 ? brk : max);
}

/** Up to 64 offsets of letters spread through the text: taking one out makes an edit inside a word. */
function editable(text: string): number[] {
  const out: number[] = [];
  const stride = Math.max(1, Math.floor(text.length / 64));
  // From each stride point to the next letter; a search never goes back over text it has read.
  for (let i = Math.floor(stride / 2), j = 0; i < text.length && out.length < 64; i += stride) {
    j = Math.max(i, j);
    while (j < text.length && !/\p{L}/u.test(text[j]!)) j++;
    // Not the first letter of a surrogate pair or a line's first character, so the copy's lines stay as they were.
    if (j < text.length && text.charCodeAt(j) < 0xd800 && text[j - 1] !== '\n' && out[out.length - 1] !== j) out.push(j);
  }
  return out;
}

/** The server's warm-up: each step is what a keystroke costs the server (the engine with the copy's own
 *  session, the diagnostics, their JSON), and nothing is published. */
export function keystrokeWarmUp(style: () => CompiledStyle, log: (message: string) => void): WarmUp {
  // The copy's session and last publish, let go once the warm-up is over.
  let copy: { session: Session; published: PublishedDiagnostics; json: JsonWriter } | undefined;
  return new WarmUp(
    (doc) => {
      copy ??= { session: new Session(), published: new PublishedDiagnostics(), json: new JsonWriter() };
      const result = checkDraft(doc.text, doc.languageId, style(), copy.session);
      const diagnostics = diagnosticsOf(doc, result.findings, copy.published);
      // Framed as the transport frames a publish (lsp/message-writer.ts), into the copy's own scratch space.
      copy.json.frame({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: doc.version, diagnostics } });
    },
    {
      done: (steps, ms) => {
        copy = undefined;
        log(`copydesk: warmed up in ${steps} checks of a copy of the first draft (${Math.round(ms)} ms)`);
      },
      failed: (error) => {
        copy = undefined;
        log(`copydesk: the warm-up stopped: ${error instanceof Error ? error.message : String(error)}`);
      },
    },
  );
}
