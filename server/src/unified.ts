// Copydesk as a unified plugin: remark and retext pipelines (remark-cli, unified-language-server) get
// Copydesk's findings as VFile messages. The plugin checks the file's original text, so the findings are
// the same as the CLI's and the language server's.
import type { VFile } from 'vfile';
import { analyze, defaultStyle, loadStyleFile, ruleDocsUrl, type CompiledStyle } from './engine/index.js';
import { LineIndex } from './cli/lines.js';

export interface CopydeskPluginOptions {
  /** Path of a copydesk.yaml; default: the built-in default house style. */
  style?: string | CompiledStyle;
  /** markdown or plaintext; default: markdown for .md/.markdown files, plaintext otherwise. */
  languageId?: string;
}

export default function copydesk(options: CopydeskPluginOptions = {}) {
  const style = resolveStyle(options.style);
  return (_tree: unknown, file: VFile): void => {
    const text = String(file.value ?? '');
    const languageId = options.languageId ?? (/\.(md|markdown|mdx)$/i.test(file.path ?? '') ? 'markdown' : 'plaintext');
    const lines = new LineIndex(text);
    const point = (offset: number) => {
      const p = lines.position(offset);
      return { line: p.line + 1, column: p.character + 1, offset };
    };
    for (const f of analyze(text, { languageId, style }).findings) {
      const message = file.message(f.message, {
        place: { start: point(f.start), end: point(f.end) },
        ruleId: f.rule.slice(f.rule.indexOf('.') + 1),
        source: `copydesk-${f.rule.slice(0, f.rule.indexOf('.'))}`,
      });
      message.url = ruleDocsUrl(f.rule);
      message.actual = text.slice(f.start, f.end);
      message.expected = f.fixes.map((x) => x.text);
      message.fatal = f.severity === 'error' ? true : f.severity === 'warning' ? false : undefined;
    }
  };
}

function resolveStyle(s: CopydeskPluginOptions['style']): CompiledStyle {
  if (!s) return defaultStyle();
  if (typeof s !== 'string') return s;
  const load = loadStyleFile(s);
  if (!load.style) {
    const p = load.problems[0];
    throw new Error(`copydesk: ${s}:${p?.line ?? 1}:${p?.column ?? 1}: ${p?.message ?? 'invalid style file'}`);
  }
  return load.style;
}
