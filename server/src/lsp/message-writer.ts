// Messages onto the editor's pipe as soon as they are sent, each in one write. The library's stream writer
// first yields to the event loop (a setImmediate in its write lock) and then writes the header and the body
// separately. The yield let the collections V8 queues as tasks run between a keystroke's check and its
// diagnostics, on the keystroke's time; now they run once the diagnostics are out.
// A message is handed over when the stream has taken all its bytes: within the write call for a pipe or
// socket with room (the kernel has them), else when the stream calls back. The callback itself runs on a
// later tick, which a 2-core machine can delay by milliseconds: woken by the bytes, the editor's process
// is often run on the server's own core and reads the whole message first (lsp/run-queue.ts).
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { JsonWriter } from './wire.js';

interface Queued {
  msg: Message;
  done: (error?: Error) => void;
}

export class DirectMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly queue: Queued[] = [];
  private writing = false;
  private errors = 0;
  private readonly json = new JsonWriter();

  constructor(
    private readonly stream: NodeJS.WritableStream,
    /** Called the moment each message's bytes have all been taken by the stream. */
    private readonly onHanded?: (msg: Message) => void,
  ) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  /** Writes `msg` now if nothing is being written, else after the messages before it. */
  write(msg: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ msg, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) this.next();
    });
  }

  end(): void {
    this.stream.end();
  }

  private next(): void {
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      let bytes: Buffer;
      try {
        bytes = this.json.frame(item.msg);
      } catch (error) {
        this.fail(error, item);
        continue;
      }
      const sent = item;
      this.writing = true;
      let handed = false;
      // The frame is a view of the encoder's scratch space: the next message is encoded only once the
      // stream has taken these bytes (its callback).
      this.stream.write(bytes, (error?: Error | null) => {
        this.writing = false;
        if (error) this.fail(error, sent);
        else {
          if (!handed) this.onHanded?.(sent.msg);
          sent.done();
        }
        this.next();
      });
      const stream = this.stream as { writableLength?: number; errored?: unknown; destroyed?: boolean };
      if (this.writing && stream.writableLength === 0 && !stream.errored && !stream.destroyed) {
        handed = true;
        this.onHanded?.(sent.msg);
      }
      return;
    }
  }

  private fail(error: unknown, item: Queued): void {
    this.errors++;
    this.fireError(error, item.msg, this.errors);
    item.done(error instanceof Error ? error : new Error(String(error)));
  }
}
