// The report as Markdown and as JSON (the model itself, versioned).
import type { ReportModel } from './model.js';

const md = (s: string): string => s.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');

export function renderMarkdown(model: ReportModel): string {
  const out: string[] = ['# Copydesk style report', '', `${model.totals.files} draft${model.totals.files === 1 ? '' : 's'} · ${model.totals.words} words · ${model.totals.findings} findings · generated ${model.generated}`, ''];
  out.push('## Findings by rule', '', '| rule | findings |', '|---|---|', ...Object.entries(model.totals.byRule).map(([k, v]) => `| \`${k}\` | ${v} |`), '');
  if (model.files.length > 1 && model.misspelledNames.length) {
    out.push('## Names most often misspelled', '', '| name | wrong forms | times | drafts | first seen |', '|---|---|---|---|---|', ...model.misspelledNames.map((n) => `| ${md(n.canonical)} | ${n.forms.map(md).join(', ')} | ${n.wrong} | ${n.files} | ${md(model.files[n.first.file]!.path)}:${n.first.line} |`), '');
  }
  for (const f of model.files) {
    out.push(`## ${md(f.path)}`, '', `${f.words} words, ${f.sentences} sentences (mean ${f.meanSentence}, longest ${f.longestSentence}), ${f.paragraphs} paragraphs, Flesch–Kincaid grade ${f.grade}, ${f.sources.length} source${f.sources.length === 1 ? '' : 's'} quoted.`, '');
    if (f.findings.length) out.push('| line | severity | text | message | rule |', '|---|---|---|---|---|', ...f.findings.map((x) => `| ${x.line} | ${x.severity} | ${md(x.text)} | ${md(x.message)} | \`${x.rule}\` |`), '');
    if (f.names.length) out.push('**Names**', '', ...f.names.map((n) => `- ${md(n.canonical)}: ${n.count} (${n.variants.map((v) => `${md(v.text)} ×${v.count}`).join(', ')})`), '');
    if (f.quotes.length) out.push('**Quotes**', '', ...f.quotes.map((q) => `- line ${q.line}, ${q.speaker ? md(q.speaker) : '**no speaker**'}: “${md(q.text.length > 120 ? q.text.slice(0, 119) + '…' : q.text)}”`), '');
    if (f.placeholders.length) out.push('**Placeholders**', '', ...f.placeholders.map((p) => `- line ${p.line}: \`${md(p.text)}\``), '');
  }
  return out.join('\n') + '\n';
}

export function renderJson(model: ReportModel): string {
  return JSON.stringify({ version: 1, ...model }, null, 2) + '\n';
}
