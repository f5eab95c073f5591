// npm run test:e2e: what a person sees. Packages copydesk.vsix, installs it into code-server (its own extensions
// folder), opens a workspace with the Black Sea seed draft in Debian's Chromium and checks, through the UI only:
// squiggles, Problems panel rows, the hover, Ctrl+. offering and applying the fix, the command palette entries,
// and the style report webview with its rows in a light and a dark theme. Screenshots go to test-artifacts/e2e/;
// with COPYDESK_UPDATE_IMAGES=1 the README's screenshots in images/ are replaced by this run's.
// Prints one line per check and a closing "N passed, N failed".
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerCli, ensureCodeServer, launchBrowser, root, startCodeServer, tempDirs, writeUserSettings } from '../integration/code-server.mjs';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const artifacts = path.join(root, 'test-artifacts', 'e2e');
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });

// 1. The packaged extension, as users get it.
const vsix = process.env.COPYDESK_VSIX || path.join(root, 'copydesk.vsix');
if (!process.env.COPYDESK_VSIX && spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) {
  console.log('npm run package failed\n0 passed, 1 failed');
  process.exit(1);
}
ensureCodeServer();
const dirs = tempDirs('copydesk-e2e');
const LIGHT = 'Default Light Modern';
const DARK = 'Default Dark Modern';
const settings = { 'workbench.colorTheme': LIGHT, 'editor.hover.delay': 150, 'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false };
writeUserSettings(dirs, settings);
const installed = codeServerCli(['--install-extension', vsix, '--force'], dirs);
const workspace = path.join(dirs.base, 'newsroom');
fs.mkdirSync(workspace);
fs.copyFileSync(path.join(root, 'examples', 'black-sea-grain-talks.md'), path.join(workspace, 'draft.md'));

const results = [];
let failed = 0;
async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    results.push(name);
    console.log(`ok - ${name} (${Date.now() - t} ms)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    await page?.screenshot({ path: path.join(artifacts, `failed-${results.length + failed}.png`) }).catch(() => undefined);
    return false;
  }
}
const expect = (cond, message) => {
  if (!cond) throw new Error(message);
};

let page;
const server = await startCodeServer(dirs, workspace);
const browser = await launchBrowser(dirs);
const shot = (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });
const editor = () => page.locator('.editor-instance .monaco-editor').first();
const editorText = async () => (await editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');

try {
  page = browser.pages()[0] ?? (await browser.newPage());
  await check('the .vsix installs into code-server', () => expect(/copydesk\.copydesk.*installed|successfully installed/i.test(installed), `install said: ${installed.trim()}`));

  await check('the workbench opens with the workspace', async () => {
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).waitFor({ timeout: 30_000 });
  });

  await check('opening the draft shows squiggles', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).click();
    await editor().locator('.view-lines').waitFor();
    await editor().locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    await editor().locator('.squiggly-error').first().waitFor({ timeout: 10_000 });
    const warnings = await editor().locator('.squiggly-warning').count();
    expect(warnings >= 3, `${warnings} warning squiggles`);
  });

  await check('the Problems panel lists the findings', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'Hakan Fiden' }).first().waitFor({ timeout: 15_000 });
    const texts = await rows.allInnerTexts();
    const all = texts.join('\n');
    for (const want of ['looks like a misspelling of Hakan Fidan', 'is a variant of Zaporizhzhia', 'Placeholder “TK” is still in the copy', 'credits no one', 'copydesk']) expect(all.includes(want), `no Problems row with “${want}” in:\n${all}`);
    expect(texts.filter((t) => /copydesk/.test(t)).length >= 5, `${texts.length} rows`);
    await shot('problems-panel');
  });

  // Put the cursor inside "Hakan Fiden" (line 5, column 26) through Go to Line.
  const goTo = async (where) => {
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(where);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };

  // Names the step a timeout belongs to: Playwright's own message only says which locator.
  const within = (what, promise) =>
    promise.catch((e) => {
      throw new Error(`${what}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    });
  const retry = async (times, what, fn) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (attempt >= times) throw e;
        console.log(`# ${what}: attempt ${attempt} failed (${(e instanceof Error ? e.message : String(e)).split('\n')[0]}), trying again`);
      }
    }
  };
  // Types into the open quick input, moves the focus with the arrow keys to the row whose text matches and
  // presses Enter: the best match is not always first (the Marketplace entry outranks "Preferences: Color
  // Theme"), and a click can land on another row while the list is still filtering.
  const choose = async (typed, label) => {
    await page.keyboard.type(typed);
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await within(`a row for “${typed}”`, rows.filter({ hasText: label }).first().waitFor({ timeout: 15_000 }));
    for (let moves = 0; moves < 12; moves++) {
      const focused = await rows.and(page.locator('.focused')).first().textContent({ timeout: 5_000 }).catch(() => '');
      if (label.test(focused ?? '')) return page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(100);
    }
    throw new Error(`no row for “${typed}” took the focus`);
  };
  const pickFromPalette = async (typed, label) => {
    await page.keyboard.press('Control+Shift+P');
    await within('the command palette opening', page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 }));
    await choose(typed, label);
  };

  await check('the hover explains the finding', async () => {
    await goTo('5:30');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Hakan Fidan' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    expect(/misspelling of Hakan Fidan/.test(text), `hover says: ${text}`);
    await shot('hover');
    await page.keyboard.press('Escape');
  });

  await check('Ctrl+. offers the fix and applies it', async () => {
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Hakan Fidan' }).first();
    // On a loaded machine the key press has once been lost with the lightbulb already shown: the menu is
    // asked for again (Escape first, so a half-open widget does not swallow the next press).
    await retry(3, 'the quick-fix menu', async () => {
      await goTo('5:30');
      await page.keyboard.press('Control+Period');
      await within('the quick-fix menu', item.waitFor({ timeout: 8_000 })).catch(async (e) => {
        await page.keyboard.press('Escape');
        throw e;
      });
    });
    await shot('quick-fix-menu');
    await item.click();
    await page.waitForFunction(() => document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes('Minister Hakan Fidan opened'), null, { timeout: 15_000 });
    expect(!(await editorText()).includes('Hakan Fiden'), 'the misspelling is still there');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Hakan Fiden' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  });

  await check('the command palette lists every Copydesk command', async () => {
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('Copydesk');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Show Style Report' }).first().waitFor({ timeout: 10_000 });
    const labels = (await rows.allInnerTexts()).join('\n');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    for (const c of pkg.contributes.commands) expect(labels.includes(c.title), `no palette entry “Copydesk: ${c.title}” in:\n${labels}`);
    await shot('command-palette');
    await page.keyboard.press('Escape');
  });

  const report = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await check('Copydesk: Show Style Report opens the report with its rows', async () => {
    await editor().locator('.view-lines').click();
    // Enter only once the focused row is this command (as for the theme picker below).
    await pickFromPalette('Copydesk: Show Style Report', /Copydesk: Show Style Report/);
    await page.locator('.tab', { hasText: 'Report: draft.md' }).waitFor({ timeout: 20_000 });
    await report().locator('h1', { hasText: 'Copydesk style report' }).waitFor({ timeout: 20_000 });
    const findings = report().locator('section', { has: page.locator('h2', { hasText: /^Findings$/ }) }).locator('tbody tr.jump');
    await findings.first().waitFor();
    const rows = await findings.allInnerTexts();
    expect(rows.some((r) => /Zaporizhzhya/.test(r)) && rows.some((r) => /TK/.test(r)), `finding rows: ${rows.join(' | ')}`);
    expect(!rows.some((r) => /Hakan Fiden/.test(r)), 'the fixed name is still reported');
    const names = await report().locator('section', { has: page.locator('h2', { hasText: 'Names' }) }).locator('tbody tr').allInnerTexts();
    expect(names.some((r) => /Hakan Fidan/.test(r)), `name rows: ${names.join(' | ')}`);
    const quotes = await report().locator('section', { has: page.locator('h2', { hasText: 'Quotes and sources' }) }).locator('tbody tr').allInnerTexts();
    expect(quotes.some((r) => /no speaker/.test(r)) && quotes.some((r) => /Rustem Umerov/.test(r)), `quote rows: ${quotes.join(' | ')}`);
    await page.keyboard.press('Control+J'); // hide the panel and the side bar for the screenshots
    await page.keyboard.press('Control+B');
    await page.waitForTimeout(500);
    await shot('report-light');
  });

  await check('a report row jumps to its place in the draft', async () => {
    await report().locator('tbody tr.jump', { hasText: 'Zaporizhzhya' }).first().click();
    await page.waitForFunction(() => document.querySelector('.editor-instance .monaco-editor .selected-text') !== null, null, { timeout: 10_000 });
  });

  await check('the report follows a dark theme', async () => {
    // Through the theme picker, as a user switches. It tests VS Code, not the report, and two fresh-clone CI runs
    // of 2026-12-06 lost it on a loaded machine (once the Ctrl+K Ctrl+T chord never opened it, once a 30 s wait
    // in the palette ran out), so a switch that fails is tried again. Writing the user settings file instead is
    // not picked up by code-server within 30 s.
    await retry(2, 'switch to the dark theme', async () => {
      await page.keyboard.press('Escape');
      await goTo('18:1'); // an empty line: no word highlight in the screenshot
      await pickFromPalette('Preferences: Color Theme', /Preferences: Color Theme(?!s)/);
      await choose('Dark Modern', /Dark Modern/); // the picker's label for "Default Dark Modern"
      await within('the workbench turning dark', page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 20_000 }));
    });
    await page.waitForTimeout(1000); // the webview picks up the new theme colours
    const bg = await report()
      .locator('body')
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    const [r, g, bl] = bg.match(/\d+/g).map(Number);
    expect(r + g + bl < 200, `report background ${bg} is not dark`);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await shot('report-dark');
  });
} finally {
  await browser.close().catch(() => undefined);
  await server.stop();
}

if (!failed && process.env.COPYDESK_UPDATE_IMAGES) {
  for (const [from, to] of [['report-light', 'vscode-report-light'], ['report-dark', 'vscode-report-dark'], ['quick-fix-menu', 'vscode-quick-fix']]) fs.copyFileSync(path.join(artifacts, `${from}.png`), path.join(root, 'images', `${to}.png`));
  console.log('README screenshots updated in images/');
}
if (!failed) fs.rmSync(dirs.base, { recursive: true, force: true });
console.log(`screenshots: ${path.relative(root, artifacts)}/`);
console.log(`e2e (code-server ${seconds()} s): ${results.length} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
