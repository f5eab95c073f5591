// dist/cli.js: runs the CLI bundle (dist/cli-main.js) through the code cache.
import * as path from 'node:path';
import { runBundle } from './code-cache';

runBundle(path.join(__dirname, 'cli-main.js'), module);
