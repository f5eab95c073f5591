// dist/worker.js: runs the CLI's worker bundle (dist/worker-main.js) through the code cache.
import * as path from 'node:path';
import { runBundle } from './code-cache';

runBundle(path.join(__dirname, 'worker-main.js'), module);
