#!/usr/bin/env node
// The `copydesk` command: runs the bundled CLI (built by `npm run build`). `copydesk lsp` runs the language
// server's own bundle, as an editor starts it, so that it starts from the server's code cache.
const path = require('node:path');
const fs = require('node:fs');
const lsp = process.argv[2] === 'lsp';
const bundle = path.join(__dirname, '..', 'dist', lsp ? 'server.js' : 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('copydesk: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
if (lsp) require(bundle).startServerProcess();
else require(bundle);
