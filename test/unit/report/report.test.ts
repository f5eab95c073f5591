import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';
import { buildReport } from '../../../server/src/report/model';
import { renderHtml } from '../../../server/src/report/render-html';
import { renderJson, renderMarkdown } from '../../../server/src/report/render-text';
import { syllables, fleschKincaidGrade } from '../../../server/src/report/readability';

const input = (path: string, text: string) => ({ path, text, result: analyze(text, { languageId: 'markdown' }) });

test('the report counts findings by family and rule and places every row in its file', () => {
  const text = 'Officials in Kiev met.\n\nThe fund lost TK million in Kiev.\n';
  const model = buildReport([input('a.md', text)]);
  const f = model.files[0]!;
  assert.equal(f.findings.length, 3);
  assert.equal(f.byFamily.names, 2);
  assert.equal(f.byFamily.style, 1);
  assert.deepEqual(Object.keys(f.byRule), ['names.listed-variant', 'style.placeholder']);
  assert.deepEqual(f.findings.map((x) => x.line), [1, 3, 3]);
  assert.equal(f.placeholders[0]!.text, 'TK');
  const kyiv = f.names.find((n) => n.canonical === 'Kyiv')!;
  assert.equal(kyiv.count, 2);
  assert.equal(text.slice(kyiv.first.start, kyiv.first.end), 'Kiev');
});

test('across many files the desk report lists the names most often misspelled', () => {
  const model = buildReport([input('a.md', 'Kiev and Kiev.'), input('b.md', 'Zaporozhye and Kiev.')]);
  assert.deepEqual(model.misspelledNames.map((n) => [n.canonical, n.wrong]), [['Kyiv', 3], ['Zaporizhzhia', 1]]);
  assert.equal(model.totals.findings, 4);
});

test('HTML escapes everything from the draft: script tags and event handlers render as text', () => {
  const hostile = 'Kiev <script>alert(1)</script> and <img src=x onerror="alert(2)"> TK\n';
  const html = renderHtml(buildReport([input('<b>evil</b>.md', hostile)]), { flavour: 'webview', nonce: 'abc123', cspSource: 'vscode-webview:' });
  assert.ok(!html.includes('<script>alert'));
  assert.ok(!html.includes('<img src=x'));
  assert.ok(!html.includes('<b>evil'));
  assert.ok(html.includes('&lt;b&gt;evil&lt;/b&gt;.md'));
  // The only scripts and styles are the nonce-tagged ones.
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /<script nonce="abc123">/);
  assert.match(html, /<style nonce="abc123">/);
});

test('HTML carries a strict content security policy and loads nothing remote', () => {
  const html = renderHtml(buildReport([input('a.md', 'Kiev.')]), { flavour: 'standalone', nonce: 'n0nce', theme: 'dark' });
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'/);
  assert.ok(!/(?:src|href)="https?:/.test(html));
  assert.match(html, /data-theme="dark"/);
  assert.match(html, /<svg class="chart"/);
});

test('Markdown and JSON exports carry the same findings', () => {
  const model = buildReport([input('a.md', 'Officials in Kiev | met.')]);
  const md = renderMarkdown(model);
  assert.match(md, /\| 1 \| warning \| Kiev \|/);
  const json = JSON.parse(renderJson(model));
  assert.equal(json.version, 1);
  assert.equal(json.files[0].findings[0].rule, 'names.listed-variant');
});

test('readability: syllables are estimated and the grade follows Flesch–Kincaid', () => {
  assert.equal(syllables('cat'), 1);
  assert.equal(syllables('negotiation'), 4);
  assert.equal(syllables('table'), 2);
  assert.equal(fleschKincaidGrade(100, 5, 150), Math.round((0.39 * 20 + 11.8 * 1.5 - 15.59) * 10) / 10);
});

test('the desk view adds up quotes without a speaker and links every draft row to its file', () => {
  const model = buildReport([input('a.md', '"We have agreed to meet again within two weeks," Rustem Umerov told reporters.\n\n"Every ship that leaves Odesa feeds someone in Africa or Asia."\n'), input('b.md', 'Officials in Kiev met.\n')]);
  const html = renderHtml(model, { flavour: 'webview', nonce: 'n', cspSource: 'vscode-webview:' });
  assert.match(html, /<div class="value">1<\/div><div class="label">Quotes with no speaker<\/div>/);
  assert.match(html, /<tr class="jump" data-file="1" data-start="0" data-end="0" tabindex="0"><td>b\.md<\/td>/);
  // The misspelled-name row jumps to the first wrong form.
  assert.match(html, /data-file="1" data-start="13" data-end="17"[^>]*><td>Kyiv<\/td>/);
});

test('Markdown escapes HTML and table pipes from the draft, and the automatic theme follows the system', () => {
  const text = 'The mayor [[<img onerror=alert(1)> | check]] spoke in Kiev.\n';
  const model = buildReport([{ path: '<script>x</script>|b.txt', text, result: analyze(text, { languageId: 'plaintext' }) }]);
  const md = renderMarkdown(model);
  // Every < from the draft is backslash-escaped, so Markdown renders it as text.
  assert.ok(!/(?:^|[^\\])<(?:script|img)/m.test(md));
  assert.match(md, /## \\<script\\>x\\<\/script\\>\\\|b\.txt/);
  assert.match(md, /\\<img onerror=alert\(1\)\\> \\\| check/);
  const html = renderHtml(model, { flavour: 'standalone', nonce: 'n' });
  assert.match(html, /data-theme="auto"/);
  assert.match(html, /@media \(prefers-color-scheme: dark\)\{\[data-theme="auto"\]/);
});
