// Screenshots of the standalone style report in light and dark themes, in a real browser.
// Usage: node scripts/report-screenshots.mjs [draft] (after npm run build); needs Debian's chromium.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const draft = process.argv[2] ?? 'examples/black-sea-grain-talks.md';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-shots-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const theme of ['light', 'dark']) {
    const out = path.join(tmp, `${theme}.html`);
    const r = spawnSync(process.execPath, [path.join(root, 'bin/copydesk.js'), 'report', draft, '--format', 'html', '--theme', theme, '--out', out], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: theme });
    const blocked = [];
    page.on('request', (req) => { if (!req.url().startsWith('file:')) blocked.push(req.url()); });
    const csp = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
    await page.goto('file://' + out);
    const target = path.join(root, 'docs/images', `report-${theme}.png`);
    await page.screenshot({ path: target, fullPage: true });
    console.log(`${target}: remote requests ${blocked.length}, CSP violations ${csp.length}`);
    await page.close();
  }
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
