// Which house style applies, kept current: the workspace's copydesk.yaml (or the configured file), its
// problems published as diagnostics on the YAML, and the last good style kept while the file is broken.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultStyle, loadStyleText } from '../engine/index.js';
import { compileStyle } from '../engine/style/compile.js';
import type { CompiledStyle, Level, StyleProblem } from '../engine/style/types.js';

export interface StyleState {
  style: CompiledStyle;
  /** URI of the style file in force, if any. */
  uri?: string;
  problems: StyleProblem[];
}

export class StyleManager {
  private good: CompiledStyle | null = null;
  private goodKey = '';
  styleUri: string | undefined;
  problems: StyleProblem[] = [];
  private overrides: Record<string, Level> = {};

  constructor(private readonly roots: () => string[]) {}

  /** The style file's path: the setting (absolute or relative to the first workspace folder), else root/copydesk.yaml. */
  locate(setting: string): string | undefined {
    const roots = this.roots();
    if (setting) return path.isAbsolute(setting) ? setting : roots[0] ? path.join(roots[0], setting) : undefined;
    for (const r of roots) {
      const f = path.join(r, 'copydesk.yaml');
      if (fs.existsSync(f)) return f;
    }
    return roots[0] ? path.join(roots[0], 'copydesk.yaml') : undefined;
  }

  /** Reloads from disk or from an open editor buffer; returns true when the style in force changed. */
  reload(setting: string, overrides: Record<string, Level>, openText?: (uri: string) => string | undefined): boolean {
    this.overrides = overrides;
    const file = this.locate(setting);
    this.styleUri = file ? pathToFileURL(file).href : undefined;
    let source: string | undefined = this.styleUri ? openText?.(this.styleUri) : undefined;
    if (source === undefined && file && fs.existsSync(file)) {
      try {
        source = fs.readFileSync(file, 'utf8');
      } catch {
        source = undefined;
      }
    }
    return this.apply(source, file);
  }

  /** Validates a new text of the style file (typed in the editor or read from disk). */
  apply(source: string | undefined, file?: string): boolean {
    const before = this.goodKey;
    if (source === undefined) {
      this.problems = [];
      this.good = withOverrides(defaultStyle(), this.overrides);
    } else {
      const load = loadStyleText(source, file);
      this.problems = load.problems;
      if (load.style) this.good = withOverrides(load.style, this.overrides);
      else if (!this.good) this.good = withOverrides(defaultStyle(), this.overrides);
    }
    this.goodKey = this.good!.key;
    return before !== this.goodKey;
  }

  get style(): CompiledStyle {
    if (!this.good) this.good = withOverrides(defaultStyle(), this.overrides);
    return this.good;
  }

  isStyleUri(uri: string): boolean {
    if (this.styleUri === uri) return true;
    try {
      return path.basename(fileURLToPath(uri)) === 'copydesk.yaml';
    } catch {
      return false;
    }
  }
}

/** Editor settings (`copydesk.rules`) win over the style file's severities. */
function withOverrides(style: CompiledStyle, overrides: Record<string, Level>): CompiledStyle {
  if (Object.keys(overrides).length === 0) return style;
  const config = { ...style.config, rules: { ...style.config.rules, ...overrides } };
  return compileStyle(config, style.key + JSON.stringify(overrides), style.file);
}
