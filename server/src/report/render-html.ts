// The report as one self-contained HTML page: every value escaped, a content security policy with a
// nonce, no remote resources, an inline SVG chart. The `webview` flavour uses VS Code's theme colours.
import type { ReportFile, ReportModel } from './model.js';

export interface HtmlOptions {
  flavour: 'webview' | 'standalone';
  /** Required for the webview: the nonce of its inline style and script. */
  nonce: string;
  /** Standalone pages: light, dark, or follow the reader's system. */
  theme?: 'light' | 'dark' | 'auto';
  /** Webview: the CSP source of the webview (webview.cspSource). */
  cspSource?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

export function renderHtml(model: ReportModel, opts: HtmlOptions): string {
  const nonce = e(opts.nonce);
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:${opts.cspSource ? ' ' + e(opts.cspSource) : ''};`;
  const body = model.files.length === 1 ? storySection(model.files[0]!, model) : deskSection(model);
  return `<!DOCTYPE html>
<html lang="en" data-theme="${opts.theme ?? 'auto'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Copydesk style report</title>
<style nonce="${nonce}">${css(opts)}</style>
</head>
<body class="${opts.flavour}">
<header><h1>Copydesk style report</h1><p class="muted">${e(model.totals.files === 1 ? model.files[0]!.path : `${model.totals.files} drafts`)} · ${model.totals.words.toLocaleString('en-US')} words · ${model.totals.findings} finding${model.totals.findings === 1 ? '' : 's'} · generated ${e(model.generated.slice(0, 16).replace('T', ' '))} UTC</p></header>
${body}
${opts.flavour === 'webview' ? `<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>` : ''}
</body>
</html>
`;
}

function storySection(f: ReportFile, model: ReportModel): string {
  return `<main>
<section class="cards">
  ${card('Findings', String(f.findings.length))}${card('Words', f.words.toLocaleString('en-US'))}${card('Sentences', String(f.sentences))}${card('Mean sentence, words', String(f.meanSentence))}${card('Longest sentence, words', String(f.longestSentence))}${card('Paragraphs', String(f.paragraphs))}${card('Flesch–Kincaid grade', String(f.grade))}${card('Sources quoted', String(f.sources.length))}
</section>
<section><h2>Findings by rule</h2>${barChart(Object.entries(f.byRule), 'findings by rule')}
${familyTable(f.byFamily)}</section>
<section><h2>Findings</h2>${findingsTable(f)}</section>
<section><h2>Names</h2>${namesTable(f)}</section>
<section><h2>Quotes and sources</h2>${quotesTable(f)}${f.quotes.length ? barChart(quotesPerSource(f), 'quotes per source') : ''}</section>
<section><h2>Placeholders still in the copy</h2>${f.placeholders.length ? `<table><thead><tr><th>Line</th><th>Placeholder</th></tr></thead><tbody>${f.placeholders.map((p) => row(p, `<td>${p.line}</td><td><code>${e(p.text)}</code></td>`)).join('')}</tbody></table>` : '<p class="muted">None.</p>'}</section>
</main>`;
  void model;
}

function deskSection(model: ReportModel): string {
  return `<main>
<section class="cards">${card('Drafts', String(model.totals.files))}${card('Words', model.totals.words.toLocaleString('en-US'))}${card('Findings', String(model.totals.findings))}${Object.entries(model.totals.byFamily).map(([k, v]) => card(`${k[0]!.toUpperCase()}${k.slice(1)} findings`, String(v))).join('')}${deskCards(model)}</section>
<section><h2>Findings by rule</h2>${barChart(Object.entries(model.totals.byRule), 'findings by rule')}</section>
<section><h2>Names most often misspelled across the desk</h2>${model.misspelledNames.length ? `<table><thead><tr><th>Name</th><th>Wrong forms</th><th>Times</th><th>Drafts</th></tr></thead><tbody>${model.misspelledNames.map((n) => row(n.first, `<td>${e(n.canonical)}</td><td>${n.forms.map((x) => `<code class="wrong">${e(x)}</code>`).join(', ')}</td><td>${n.wrong}</td><td>${n.files}</td>`)).join('')}</tbody></table>` : '<p class="muted">None.</p>'}</section>
<section><h2>Drafts</h2><table><thead><tr><th>Draft</th><th>Words</th><th>Findings</th><th>names</th><th>quotes</th><th>style</th><th>spelling</th><th>Grade</th><th>Sources</th><th>Placeholders</th></tr></thead><tbody>
${model.files.map((f, i) => `<tr class="jump" data-file="${i}" data-start="0" data-end="0" tabindex="0"><td>${e(f.path)}</td><td>${f.words}</td><td>${f.findings.length}</td><td>${f.byFamily.names ?? 0}</td><td>${f.byFamily.quotes ?? 0}</td><td>${f.byFamily.style ?? 0}</td><td>${f.byFamily.spelling ?? 0}</td><td>${f.grade}</td><td>${f.sources.length}</td><td>${f.placeholders.length}</td></tr>`).join('\n')}
</tbody></table></section>
</main>`;
}

function deskCards(model: ReportModel): string {
  const quotes = model.files.reduce((a, f) => a + f.quotes.length, 0);
  const orphans = model.files.reduce((a, f) => a + f.quotes.filter((q) => !q.speaker).length, 0);
  const placeholders = model.files.reduce((a, f) => a + f.placeholders.length, 0);
  // The desk's grade weights each draft by its length, as if the desk were one long story.
  const words = model.totals.words;
  const grade = words ? Math.round((model.files.reduce((a, f) => a + f.grade * f.words, 0) / words) * 10) / 10 : 0;
  return card('Quotes', quotes.toLocaleString('en-US')) + card('Quotes with no speaker', String(orphans)) + card('Placeholders', String(placeholders)) + card('Flesch–Kincaid grade', String(grade));
}

function card(label: string, value: string): string {
  return `<div class="card"><div class="value">${e(value)}</div><div class="label">${e(label)}</div></div>`;
}

function row(p: { file: number; start: number; end: number }, cells: string): string {
  return `<tr class="jump" data-file="${p.file}" data-start="${p.start}" data-end="${p.end}" tabindex="0">${cells}</tr>`;
}

function familyTable(byFamily: Record<string, number>): string {
  return `<table class="compact"><thead><tr>${Object.keys(byFamily).map((k) => `<th>${e(k)}</th>`).join('')}</tr></thead><tbody><tr>${Object.values(byFamily).map((v) => `<td>${v}</td>`).join('')}</tr></tbody></table>`;
}

function findingsTable(f: ReportFile): string {
  if (!f.findings.length) return '<p class="muted">No findings.</p>';
  return `<table><thead><tr><th>Line</th><th>Severity</th><th>Text</th><th>Message</th><th>Rule</th></tr></thead><tbody>
${f.findings.map((x) => row(x, `<td>${x.line}</td><td><span class="sev ${x.severity}">${x.severity}</span></td><td><code>${e(truncate(x.text, 60))}</code></td><td>${e(x.message)}</td><td><code>${e(x.rule)}</code></td>`)).join('\n')}
</tbody></table>`;
}

function namesTable(f: ReportFile): string {
  if (!f.names.length) return '<p class="muted">No listed or inconsistent names found.</p>';
  return `<table><thead><tr><th>Canonical</th><th>Mentions</th><th>Forms in the draft</th></tr></thead><tbody>
${f.names.map((n) => row(n.first, `<td>${e(n.canonical)}</td><td>${n.count}</td><td>${n.variants.map((v) => `<code${v.wrong ? ' class="wrong" title="a form to change"' : ''}>${e(v.text)}</code> ×${v.count}`).join(', ')}</td>`)).join('\n')}
</tbody></table>`;
}

function quotesTable(f: ReportFile): string {
  if (!f.quotes.length) return '<p class="muted">No direct quotes.</p>';
  return `<p>${f.quotes.length} quote${f.quotes.length === 1 ? '' : 's'} from ${f.sources.length} source${f.sources.length === 1 ? '' : 's'}.</p><table><thead><tr><th>Line</th><th>Speaker</th><th>Quote</th></tr></thead><tbody>
${f.quotes.map((q) => row(q, `<td>${q.line}</td><td>${q.speaker ? e(q.speaker) : '<span class="sev warning">no speaker</span>'}</td><td>${e(truncate(q.text, 140))}</td>`)).join('\n')}
</tbody></table>`;
}

function quotesPerSource(f: ReportFile): [string, number, string?][] {
  const counts = new Map<string, number>();
  for (const q of f.quotes) if (q.source) counts.set(q.source, (counts.get(q.source) ?? 0) + 1);
  const rows: [string, number, string?][] = [...counts];
  rows.sort((a, b) => b[1] - a[1]);
  const orphans = f.quotes.filter((q) => !q.speaker).length;
  if (orphans) rows.push(['no speaker', orphans, 'none']);
  return rows;
}

/** A horizontal bar chart as inline SVG (no scripts, no remote resources). */
export function barChart(entries: [string, number, string?][], label: string): string {
  const rows = entries.filter(([, v]) => v > 0).slice(0, 20);
  if (!rows.length) return '<p class="muted">Nothing to chart.</p>';
  const max = Math.max(...rows.map(([, v]) => v));
  const h = 22;
  const labelW = 220;
  const w = 640;
  const bars = rows.map(([k, v, kind], i) => {
    // Bars take their family's colour (names.x, quotes.y), or the given kind.
    const cls = kind ?? (k.includes('.') ? k.slice(0, k.indexOf('.')) : 'source');
    const bw = Math.max(2, Math.round(((w - labelW - 50) * v) / max));
    return `<g transform="translate(0,${i * h})"><text class="chart-label" x="${labelW - 8}" y="15" text-anchor="end">${e(truncate(k, 32))}</text><rect class="bar ${e(cls)}" x="${labelW}" y="3" width="${bw}" height="${h - 8}" rx="2"></rect><text class="chart-value" x="${labelW + bw + 6}" y="15">${v}</text></g>`;
  });
  return `<svg class="chart" role="img" aria-label="${e(label)}" viewBox="0 0 ${w} ${rows.length * h + 4}" width="${w}" height="${rows.length * h + 4}">${bars.join('')}</svg>`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function css(opts: HtmlOptions): string {
  const vars = opts.flavour === 'webview'
    ? `:root{--fg:var(--vscode-foreground);--bg:var(--vscode-editor-background);--muted:var(--vscode-descriptionForeground);--border:var(--vscode-contrastBorder,var(--vscode-panel-border,var(--vscode-widget-border,#8884)));--accent:var(--vscode-charts-blue,var(--vscode-textLink-foreground));--card:var(--vscode-editorWidget-background);--err:var(--vscode-errorForeground);--warn:var(--vscode-editorWarning-foreground);--info:var(--vscode-editorInfo-foreground);--hover:var(--vscode-list-hoverBackground);--code:var(--vscode-textCodeBlock-background);--c-names:var(--vscode-charts-blue);--c-quotes:var(--vscode-charts-purple);--c-style:var(--vscode-charts-orange);--c-spelling:var(--vscode-charts-green);font-family:var(--vscode-font-family);font-size:var(--vscode-font-size)}`
    : `:root{--fg:#1f2328;--bg:#ffffff;--muted:#59636e;--border:#d1d9e0;--accent:#0969da;--card:#f6f8fa;--err:#cf222e;--warn:#9a6700;--info:#0969da;--hover:#eaeef2;--code:#eff2f5;--c-names:#0969da;--c-quotes:#8250df;--c-style:#bc4c00;--c-spelling:#1a7f37;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px}
[data-theme="dark"]{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--border:#3d444d;--accent:#4493f8;--card:#151b23;--err:#f85149;--warn:#d29922;--info:#4493f8;--hover:#1f2630;--code:#1f2630;--c-names:#4493f8;--c-quotes:#ab7df8;--c-style:#f0883e;--c-spelling:#3fb950}
@media (prefers-color-scheme: dark){[data-theme="auto"]{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--border:#3d444d;--accent:#4493f8;--card:#151b23;--err:#f85149;--warn:#d29922;--info:#4493f8;--hover:#1f2630;--code:#1f2630;--c-names:#4493f8;--c-quotes:#ab7df8;--c-style:#f0883e;--c-spelling:#3fb950}}`;
  return `${vars}
body{color:var(--fg);background:var(--bg);margin:0;padding:16px 24px;line-height:1.45}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:24px 0 8px;border-bottom:1px solid var(--border);padding-bottom:4px}
.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(112px,1fr));gap:10px;margin-top:12px}
.card{background:var(--card);border:1px solid var(--border);border-radius:6px;padding:8px 12px}
.card .value{font-size:1.35em;font-weight:600}.card .label{color:var(--muted);font-size:.85em}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--border);vertical-align:top}
table.compact{width:auto}
tr.jump:hover,tr.jump:focus{background:var(--hover);outline:none}body.webview tr.jump{cursor:pointer}
code{background:var(--code);padding:0 4px;border-radius:3px}code.wrong{color:var(--err);text-decoration:underline wavy}
.sev{font-weight:600}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info,.sev.hint{color:var(--info)}
.chart{max-width:100%;height:auto}.chart .bar{fill:var(--accent)}.chart .bar.names{fill:var(--c-names)}.chart .bar.quotes{fill:var(--c-quotes)}.chart .bar.style{fill:var(--c-style)}.chart .bar.spelling{fill:var(--c-spelling)}.chart .bar.none{fill:var(--muted)}.chart text{fill:var(--fg);font-size:12px}.chart .chart-value{fill:var(--muted)}`;
}

const WEBVIEW_SCRIPT = `(function(){const vscode=acquireVsCodeApi();function go(el){vscode.postMessage({type:'reveal',file:Number(el.dataset.file),start:Number(el.dataset.start),end:Number(el.dataset.end)});}
document.addEventListener('click',function(ev){const r=ev.target.closest('tr.jump');if(r)go(r);});
document.addEventListener('keydown',function(ev){if(ev.key==='Enter'){const r=document.activeElement&&document.activeElement.closest&&document.activeElement.closest('tr.jump');if(r)go(r);}});})();`;
