// The client's `copydesk` settings, read through workspace/configuration and coerced tolerantly:
// a wrong value falls back to the default instead of breaking the server.
import type { Level } from '../engine/style/types.js';

export interface Settings {
  enable: boolean;
  languages: string[];
  styleFile: string;
  rules: Record<string, Level>;
  debounceMs: number;
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  languages: ['markdown', 'plaintext', 'newsdraft'],
  styleFile: '',
  rules: {},
  debounceMs: 150,
  maxFileSize: 20 * 1024 * 1024,
};

const LEVELS = new Set(['off', 'error', 'warning', 'info', 'hint']);

export function coerceSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown, d: number, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d);
  const rules: Record<string, Level> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) if (typeof level === 'string' && LEVELS.has(level)) rules[id] = level as Level;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    languages: Array.isArray(r.languages) && r.languages.every((x) => typeof x === 'string') ? (r.languages as string[]) : DEFAULT_SETTINGS.languages,
    styleFile: typeof r.styleFile === 'string' ? r.styleFile : '',
    rules,
    debounceMs: num(r.debounceMs, DEFAULT_SETTINGS.debounceMs, 0, 5000),
    maxFileSize: num(r.maxFileSize, DEFAULT_SETTINGS.maxFileSize, 1024, 1024 * 1024 * 1024),
  };
}
