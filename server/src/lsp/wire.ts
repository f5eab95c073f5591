// JSON-RPC messages to bytes without one string of the whole message. A long story's diagnostics make a
// message of a few hundred kilobytes, and curly quotes in the messages make JSON.stringify's result a
// two-byte string: past 128 KB, V8 puts such a string in its large-object space, whose allocation alone cost
// about half a millisecond per keystroke here. Encoded piece by piece, every string stays small and the
// bytes go straight into one buffer. The output is the same bytes JSON.stringify would give.
// Fresh memory is what costs on this kind of machine (each new 4 KB page faulted in for about 3 µs on the
// 2-core VM), so the writer keeps one scratch buffer and, for the transport, hands out views of it.

/** A value that writes its own JSON into the message (diagnostics, from JSON kept between publishes);
 *  anything else that serialises it (JSON.stringify) gets toJSON. */
export interface JsonWritable {
  writeJson(w: JsonWriter): void;
  toJSON(): unknown;
}

function isWritable(v: unknown): v is JsonWritable {
  return v !== null && typeof v === 'object' && typeof (v as Partial<JsonWritable>).writeJson === 'function';
}

const header = (bytes: number): string => `Content-Length: ${bytes}\r\n\r\n`;
/** Room for the longest header: "Content-Length: ", up to 12 digits, and the blank line. */
const HEADER_ROOM = 32;

/** Lists longer than this are written item by item; everything else in one JSON.stringify. */
const PIECE = 24;

export class JsonWriter {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private at = 0;

  /** The UTF-8 JSON of `value`, as a buffer of its own (the writer's scratch space is reused). */
  encode(value: unknown): Buffer {
    if (!hasLongList(value, 3)) return Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
    this.at = 0;
    this.value(value, false);
    return Buffer.from(this.buf.subarray(0, this.at));
  }

  /** `value` as a JSON-RPC message on the wire (its Content-Length header, then its UTF-8 JSON), possibly
   *  a view of the writer's scratch space: valid until the writer's next call. */
  frame(value: unknown): Buffer {
    if (!hasLongList(value, 3)) {
      const json = JSON.stringify(value) ?? 'null';
      return Buffer.from(`${header(Buffer.byteLength(json, 'utf8'))}${json}`, 'utf8');
    }
    // The JSON goes after room for the header, which is written in front of it once its length is known.
    this.at = HEADER_ROOM;
    this.value(value, false);
    const head = header(this.at - HEADER_ROOM);
    const start = HEADER_ROOM - head.length;
    this.buf.write(head, start, 'latin1');
    return this.buf.subarray(start, this.at);
  }

  /** Appends JSON text as it is. */
  raw(s: string): void {
    // At most three bytes per UTF-16 unit.
    if (this.at + s.length * 3 > this.buf.length) this.grow(s.length * 3);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** Appends UTF-8 bytes as they are (JSON encoded before, kept between messages). */
  bytes(b: Uint8Array): void {
    if (this.at + b.length > this.buf.length) this.grow(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** Appends one ASCII character, given by its code. */
  char(code: number): void {
    if (this.at === this.buf.length) this.grow(1);
    this.buf[this.at++] = code;
  }

  private grow(need: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + need));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /** Writes `v` as JSON.stringify would inside a container; `inArray` turns an unwritable value into null. */
  private value(v: unknown, inArray: boolean): void {
    if (isWritable(v)) {
      v.writeJson(this);
      return;
    }
    if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      const json = JSON.stringify(v);
      this.raw(json === undefined ? (inArray ? 'null' : '') : json);
      return;
    }
    if (Array.isArray(v)) {
      if (!hasLongList(v, 3)) {
        this.raw(JSON.stringify(v));
        return;
      }
      this.raw('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.raw(',');
        this.value(v[i], true);
      }
      this.raw(']');
      return;
    }
    const keys = Object.keys(v);
    if (!hasLongList(v, 3)) {
      this.raw(JSON.stringify(v));
      return;
    }
    this.raw('{');
    let first = true;
    for (const k of keys) {
      const item = (v as Record<string, unknown>)[k];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      this.raw(first ? `${JSON.stringify(k)}:` : `,${JSON.stringify(k)}:`);
      first = false;
      this.value(item, false);
    }
    this.raw('}');
  }
}

/** `v` is, or holds within `depth` levels, a list of more than PIECE values or a value that writes itself
 *  (worth writing piece by piece). */
function hasLongList(v: unknown, depth: number): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (isWritable(v)) return true;
  if (Array.isArray(v)) {
    if (v.length > PIECE) return true;
    if (depth > 0) for (const item of v) if (hasLongList(item, depth - 1)) return true;
    return false;
  }
  if (depth > 0 && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
    for (const k in v) if (hasLongList((v as Record<string, unknown>)[k], depth - 1)) return true;
  }
  return false;
}
