// Mocha entry point loaded by the extension host (@vscode/test-electron's extensionTestsPath, or code-server's
// developmentOptions.extensionTestsPath). Runs every *.test.js next to this file with the tdd interface.
// COPYDESK_TEST_LOG (set by the code-server runner) receives Mocha's output, since the remote extension
// host's stdout is not the runner's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const logFile = process.env.COPYDESK_TEST_LOG;
  if (logFile) {
    const write = (chunk: unknown) => fs.appendFileSync(logFile, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array));
    const out = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
      write(chunk);
      return (out as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    // Mocha's reporters print through Base.consoleLog (console.log as it was when Mocha loaded).
    const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
    const log = base.consoleLog;
    base.consoleLog = (...args: unknown[]) => {
      write(`${format(...args)}\n`);
      log(...args);
    };
  }
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: Number(process.env.COPYDESK_TEST_TIMEOUT) || 60_000, reporter: 'spec' });
  if (process.env.COPYDESK_TEST_GREP) mocha.grep(process.env.COPYDESK_TEST_GREP);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (logFile) fs.appendFileSync(logFile, `\nMOCHA-DONE failures=${failures}\n`);
      if (failures > 0) reject(new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`));
      else resolve();
    });
  });
}
