// Hover text: the finding under the cursor with its rule, a name's canonical form, a quote's speaker.
import type { Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findCheck, ruleDocsUrl } from '../engine/index.js';
import type { CheckResult } from '../engine/types.js';

export function hover(doc: TextDocument, result: CheckResult, offset: number): Hover | null {
  const parts: string[] = [];
  let range: { start: number; end: number } | null = null;
  for (const f of result.findings) {
    if (offset < f.start || offset > f.end) continue;
    range ??= f;
    const check = findCheck(f.rule);
    parts.push(`**${escape(f.message)}**\n\n[\`${f.rule}\`](${ruleDocsUrl(f.rule)})${check ? ` — ${escape(check.description)}` : ''}`);
    const canonical = f.data?.canonical;
    if (typeof canonical === 'string') parts.push(`House name: **${escape(canonical)}**`);
  }
  for (const q of result.facts.quotes) {
    if (offset < q.start || offset > q.end) continue;
    range ??= q;
    parts.push(q.speaker ? `Quote by **${escape(q.speaker)}**` : 'Quote with **no speaker** named');
  }
  for (const n of result.facts.names) {
    const hit = n.variants.find((v) => offset >= v.start && offset <= v.end);
    if (!hit) continue;
    range ??= hit;
    parts.push(`Name: **${escape(n.canonical)}** (${n.count} mention${n.count === 1 ? '' : 's'} in this story)`);
  }
  if (parts.length === 0 || !range) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: { start: doc.positionAt(range.start), end: doc.positionAt(range.end) } };
}

function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
