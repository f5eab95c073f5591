import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/index';
import { startClient } from '../support/lsp-client';

// 100 drafts open in one server, each receiving a rapid stream of edits: at the end every document's
// published diagnostics must equal a fresh check of its final text. Prints edits/s and the server's peak RSS.
test('100 drafts under a stream of edits end with exactly the diagnostics of a fresh check', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-load-'));
  const client = await startClient(dir, { debounceMs: 20 });
  try {
    const docs = Array.from({ length: 100 }, (_, i) => ({
      uri: pathToFileURL(path.join(dir, `d${i}.md`)).href,
      text: `Officials in Kiev met on Monday.\n\n“We will rebuild every building they destroy,” Zelensky said.\n\nThe fund lost TK million in draft ${i}.\n`,
      version: 1,
    }));
    for (const d of docs) client.open(d.uri, d.text, 'markdown', 1);
    const words = ['Kiev ', 'the the ', 'Zaporizhzhya ', '“Pressure must rise.” ', 'Kyiv ', 'e'];
    const t0 = Date.now();
    let edits = 0;
    for (let round = 0; round < 20; round++) {
      for (const d of docs) {
        const at = (round * 37 + d.text.length * 7) % (d.text.length + 1);
        d.text = d.text.slice(0, at) + words[(round + edits) % words.length] + d.text.slice(at);
        d.version++;
        client.change(d.uri, d.version, d.text);
        edits++;
      }
    }
    const finals = await Promise.all(docs.map((d) => client.diagnostics(d.uri, d.version, 60_000)));
    const seconds = (Date.now() - t0) / 1000;
    finals.forEach((p, i) => {
      const d = docs[i]!;
      const fresh = analyze(d.text, { languageId: 'markdown' }).findings;
      // Spelling may not have loaded yet in the server; compare the rest exactly.
      const mine = fresh.filter((f) => f.rule !== 'spelling.unknown').map((f) => `${f.rule}@${f.start}`);
      const theirs = p.diagnostics.filter((x) => x.code !== 'spelling.unknown').map((x) => `${x.code}@${offsetOf(d.text, x.range.start)}`);
      assert.deepEqual(theirs, mine, `document ${i}`);
      assert.equal(p.version, d.version);
    });
    const rss = await peakRss(client.child.pid!);
    console.log(`load: ${edits} edits to 100 documents, all consistent, ${(edits / seconds).toFixed(0)} edits/s end to end; server peak RSS ${rss}`);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function offsetOf(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    if (text[i] === '\n') line++;
    i++;
  }
  return i + pos.character;
}

async function peakRss(pid: number): Promise<string> {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return /VmHWM:\s+(\d+ kB)/.exec(status)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
