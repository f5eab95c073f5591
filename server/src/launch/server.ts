// dist/server.js: starts the language server bundle (dist/server-main.js) through the code cache.
import * as path from 'node:path';
import { runBundle } from './code-cache';

runBundle(path.join(__dirname, 'server-main.js'), module);
