#!/usr/bin/env node
// The `copydesk` command: runs the bundled CLI (built by `npm run build`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('copydesk: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
require(cli);
