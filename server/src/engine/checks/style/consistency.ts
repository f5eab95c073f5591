import * as path from 'node:path';
import { parse } from 'yaml';
import type { Check } from '../../check.js';
import { TokenFlag, TokenKind } from '../../document/tokens.js';
import { MarkedBlocks } from '../../document/changed-blocks.js';
import { readDataYaml } from '../../style/paths.js';
import { WordFilter, WordShapes } from '../../style/wordfilter.js';
import type { CompiledStyle } from '../../style/types.js';
import type { RawFinding } from '../../types.js';
import { matchCase } from './substitution.js';

interface Use {
  group: number;
  member: number;
  start: number;
  end: number;
  text: string;
  quoted: boolean;
}

interface Groups {
  /** Forms of each group, the form preferred on a tie first. */
  groups: string[][];
  byForm: Map<string, { group: number; member: number }>;
  /** Groups of names (counted inside quotes too). */
  names: Set<number>;
  /** Lengths of all forms, to skip most tokens without slicing them. */
  lengths: Uint8Array;
  /** All forms, to reject most other words without slicing them: by length and first letters, then by hash. */
  shapes: WordShapes;
  filter: WordFilter;
}

function groups(style: CompiledStyle): Groups {
  const hit = style.memo.get('style.consistency') as Groups | undefined;
  if (hit) return hit;
  const table = readDataYaml(path.join('style', 'consistency.yaml'), parse) as { 'us-uk': string[][]; same: string[][]; names: string[][] };
  const british = style.config.locale === 'en-GB';
  const list: string[][] = [
    ...table.names,
    ...table['us-uk'].map((g) => (british ? [...g].reverse() : g)),
    ...table.same,
    ...style.config.consistency,
  ];
  const names = new Set(table.names.map((_, i) => i));
  const byForm = new Map<string, { group: number; member: number }>();
  const all: string[][] = [];
  for (const g of list) {
    const index = all.length;
    all.push(g);
    g.forEach((form, member) => byForm.set(form.toLowerCase(), { group: index, member }));
  }
  const lengths = new Uint8Array(64);
  for (const form of byForm.keys()) {
    lengths[Math.min(63, form.length)] = 1;
    lengths[Math.min(63, form.length + 2)] = 1; // with a possessive
  }
  const shapes = new WordShapes(byForm.keys(), true);
  const filter = new WordFilter();
  for (const form of byForm.keys()) filter.add(form);
  const out = { groups: all, byForm, names, lengths, shapes, filter };
  style.memo.set('style.consistency', out);
  return out;
}

/** The same word spelled two ways in one story: Defence and Defense, ceasefire and cease-fire, Türkiye and Turkey. */
export const consistency: Check<Use[]> = {
  id: 'style.consistency',
  family: 'style',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'The same word spelled two ways in one story (Defence/Defense, ceasefire/cease-fire, Türkiye/Turkey): use the form the story uses most, or the preset’s on a tie.',
  docs: {
    bad: ['The Defence Ministry agreed. Defense officials said the defense budget would grow.'],
    good: ['The defense ministry agreed. Defense officials said the budget would grow.'],
  },
  block(block, { style }) {
    const { byForm, names, lengths, shapes, filter } = groups(style);
    const t = block.tokens;
    const prose = block.prose;
    const uses: Use[] = [];
    for (let i = 0; i < t.count; i++) {
      const len = t.end[i]! - t.start[i]!;
      if (t.kind[i] !== TokenKind.Word || !lengths[Math.min(63, len)]) continue;
      // The word as looked up below (without a possessive 's), read in place: most are surely no form.
      const s = t.start[i]!;
      const e = t.end[i]!;
      const possessive = len >= 2 && prose.charCodeAt(e - 1) === 115 && (prose.charCodeAt(e - 2) === 39 || prose.charCodeAt(e - 2) === 0x2019);
      const to = possessive ? e - 2 : e;
      if (!shapes.mayBe(prose, s, to) || !filter.mayHave(prose, s, to)) continue;
      // Turkey’s counts as a use of Turkey; the possessive stays out of the range.
      const text = prose.slice(s, to);
      const hit = byForm.get(text.toLowerCase());
      if (!hit) continue;
      const quoted = (t.flags[i]! & TokenFlag.InQuote) !== 0;
      // A quote is what the person said: its spelling is left alone, but names in it (Türkiye) still count.
      if (quoted && !names.has(hit.group)) continue;
      uses.push({ group: hit.group, member: hit.member, start: s, end: s + text.length, text, quoted });
    }
    // Nothing to keep is returned as nothing (the document pass reads a missing summary as no uses).
    // (An exact-length copy: the list lives until the document phase.)
    return uses.length ? { summary: uses.slice() } : undefined;
  },
  document(model, summaries, { style }, memo) {
    const { groups: forms } = groups(style);
    const index = (memo.state ??= newIndex()) as UseIndex;
    const before = index.marked.summaries;
    const span = index.marked.update(summaries);
    for (let b = span.from; b < span.toBefore; b++) tally(index, before[b], -1);
    for (let b = span.from; b < span.to; b++) tally(index, summaries[b], 1);
    if (index.mixed.size === 0) return [];
    // Groups in the order the story first uses them, each with its uses in story order.
    const byGroup = new Map<number, { use: Use; at: number }[]>();
    for (const b of index.marked.blocks) {
      const at = model.blocks[b]!.start;
      for (const use of summaries[b]!) {
        if (!index.mixed.has(use.group)) continue;
        let list = byGroup.get(use.group);
        if (!list) byGroup.set(use.group, (list = []));
        list.push({ use, at });
      }
    }
    const findings: RawFinding[] = [];
    for (const [g, uses] of byGroup) {
      const counts = index.counts[g]!;
      const winner = mostUsed(counts);
      const form = forms[g]![winner]!;
      const keep = uses.filter((u) => u.use.member === winner);
      const first = keep[0]!.use.text;
      const n = counts[winner]!;
      // The same places for every finding of the group (findings are read, never changed).
      const related = keep.slice(0, 5).map((k) => ({ start: k.at + k.use.start, end: k.at + k.use.end, message: `“${k.use.text}” here` }));
      for (const { use: u, at } of uses) {
        if (u.member === winner) continue;
        const replacement = /^\p{Lu}/u.test(u.text) ? matchCase(u.text, form.charAt(0).toUpperCase() + form.slice(1)) : form;
        const start = at + u.start;
        const end = at + u.end;
        findings.push({
          start,
          end,
          message: `“${u.text}” and “${first}” in one story: use “${replacement}” (${n} use${n === 1 ? '' : 's'}${n === counts[u.member] ? ', the preset’s form' : ''}).${u.quoted ? ' This one is inside a direct quote; change it only if the house style changes names in quotes.' : ''}`,
          fixes: [{ start, end, text: replacement, title: `Replace with “${replacement}”` }],
          related,
        });
      }
    }
    return findings;
  },
};

/** The story's uses per group, kept between runs and updated from the blocks an edit replaced. */
interface UseIndex {
  marked: MarkedBlocks<Use[]>;
  /** Per group, its uses per member. */
  counts: number[][];
  /** Per group, how many of its members the story uses. */
  formsUsed: number[];
  /** Groups the story spells two ways or more: the only ones with findings. */
  mixed: Set<number>;
}

function newIndex(): UseIndex {
  return { marked: new MarkedBlocks<Use[]>(() => true), counts: [], formsUsed: [], mixed: new Set() };
}

function tally(index: UseIndex, uses: Use[] | undefined, by: 1 | -1): void {
  if (!uses) return;
  for (const u of uses) {
    const counts = (index.counts[u.group] ??= []);
    const was = counts[u.member] ?? 0;
    counts[u.member] = was + by;
    if (was !== 0 && was + by !== 0) continue;
    const used = (index.formsUsed[u.group] ?? 0) + by;
    index.formsUsed[u.group] = used;
    if (used >= 2) index.mixed.add(u.group);
    else index.mixed.delete(u.group);
  }
}

/** The member used most; on a tie the first (the preset's order). */
function mostUsed(counts: readonly number[]): number {
  let winner = -1;
  for (let m = 0; m < counts.length; m++) if ((counts[m] ?? 0) > (winner < 0 ? 0 : counts[winner]!)) winner = m;
  return winner;
}
