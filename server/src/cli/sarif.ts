// SARIF 2.1.0, so code-scanning tools (GitHub, Azure DevOps, VS Code's SARIF viewer) can show findings.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECKS, ruleDocsUrl } from '../engine/index.js';
import type { Severity } from '../engine/types.js';
import { LineIndex } from './lines.js';
import type { FileReport } from './output.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], cwd: string, version: string): string {
  const rules = CHECKS.map((c) => ({
    id: c.id,
    shortDescription: { text: c.description },
    helpUri: ruleDocsUrl(c.id),
    defaultConfiguration: { level: c.offByDefault ? 'none' : LEVEL[c.defaultSeverity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [];
  for (const r of reports) {
    const lines = new LineIndex(r.text);
    const uri = relativeUri(r.path, cwd);
    for (const f of r.result.findings) {
      const s = lines.position(f.start);
      const e = lines.position(f.end);
      const location = { artifactLocation: { uri, uriBaseId: 'SRCROOT' } };
      results.push({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { ...location, region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, charOffset: f.start, charLength: f.end - f.start, snippet: { text: r.text.slice(f.start, f.end) } } } }],
        fixes: f.fixes.filter((x) => !x.snippet).map((x) => ({
          description: { text: x.title ?? `Replace with “${x.text}”` },
          artifactChanges: [{ ...location, replacements: [{ deletedRegion: { charOffset: x.start, charLength: x.end - x.start }, insertedContent: { text: x.text } }] }],
        })),
        relatedLocations: f.related?.map((rel, i) => {
          const p = lines.position(rel.start);
          return { id: i, message: { text: rel.message }, physicalLocation: { ...location, region: { startLine: p.line + 1, startColumn: p.character + 1, charOffset: rel.start, charLength: rel.end - rel.start } } };
        }),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Copydesk', version, informationUri: 'https://github.com/copydesk/copydesk', rules } },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function relativeUri(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return pathToFileURL(file).href;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}
