// Edits of copydesk.yaml made for the writer (add a name, a word, an ignore entry): done through the
// YAML library's document model so comments survive, and returned as one minimal text edit.
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const HEADER = '# Copydesk house style: https://github.com/copydesk/copydesk#house-style-copydeskyaml\nextends: default\n';

function edit(source: string, change: (doc: ReturnType<typeof parseDocument>) => boolean): TextEdit | null {
  const doc = parseDocument(source.trim() === '' ? HEADER : source, { logLevel: 'error' });
  if (doc.errors.length) throw new Error(`copydesk.yaml has errors; fix them first (${doc.errors[0]!.message.split('\n')[0]})`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) throw new Error('copydesk.yaml must be a mapping at the top level');
  if (!change(doc)) return null;
  // Keep the file's own way of writing flow lists ([a, b] or [ a, b ]) so only the changed lines differ.
  const padded = (source.match(/[[{] [^\s\]}]/g) ?? []).length;
  const tight = (source.match(/[[{][^\s\]}[{]/g) ?? []).length;
  return minimalEdit(source, doc.toString({ lineWidth: 0, flowCollectionPadding: padded > tight }));
}

function seqAt(doc: ReturnType<typeof parseDocument>, key: string): YAMLSeq {
  const existing = doc.get(key, true);
  if (isSeq(existing)) return existing;
  // "names:" with nothing (or only comments) under it is an empty list, not an error.
  const empty = existing === undefined || existing === null || (isScalar(existing) && (existing.value === null || existing.value === ''));
  if (!empty) throw new Error(`"${key}" in copydesk.yaml is not a list`);
  const seq = new YAMLSeq();
  doc.set(key, seq);
  return seq;
}

/** Adds `{ rule, text }` to `ignore` unless an equal entry is there. */
export function addIgnore(source: string, rule: string, text: string): TextEdit | null {
  return edit(source, (doc) => {
    const seq = seqAt(doc, 'ignore');
    if (seq.items.some((it) => isMap(it) && it.get('rule') === rule && it.get('text') === text)) return false;
    seq.add(doc.createNode({ rule, text }));
    return true;
  });
}

/** Adds a name to `names` (the list, or `names.list` when names is a mapping). */
export function addName(source: string, name: string): TextEdit | null {
  return edit(source, (doc) => {
    const names = doc.get('names', true);
    let seq: YAMLSeq;
    if (isMap(names)) {
      const list = names.get('list', true) as unknown;
      if (isSeq(list)) seq = list;
      else names.set('list', (seq = new YAMLSeq()));
    } else seq = seqAt(doc, 'names');
    if (seq.items.some((it) => isMap(it) && it.get('name') === name)) return false;
    seq.add(doc.createNode({ name }));
    return true;
  });
}

/** Records in `names.distinct` that two spellings are different names (Johnson, Johnston), unless a group
 *  already holds both. A `names` list becomes `names: { list: [...], distinct: [...] }` (its entries and
 *  comments move along unchanged). */
export function addDistinct(source: string, a: string, b: string): TextEdit | null {
  return edit(source, (doc) => {
    let names = doc.get('names', true) as unknown;
    if (!isMap(names)) {
      const map = doc.createNode({}) as ReturnType<typeof doc.createNode> & { set(k: string, v: unknown): void };
      if (isSeq(names)) map.set('list', names);
      else if (!(names === undefined || names === null || (isScalar(names) && (names.value === null || names.value === '')))) throw new Error('"names" in copydesk.yaml is not a list or a mapping');
      doc.set('names', map);
      names = doc.get('names', true);
    }
    const mapping = names as YAMLMap;
    let groups = mapping.get('distinct', true) as unknown;
    if (!isSeq(groups)) mapping.set('distinct', (groups = new YAMLSeq()));
    const seq = groups as YAMLSeq;
    const same = (x: unknown, y: string) => String(isScalar(x) ? x.value : x).toLowerCase() === y.toLowerCase();
    if (seq.items.some((g) => isSeq(g) && g.items.some((x) => same(x, a)) && g.items.some((x) => same(x, b)))) return false;
    const pair = doc.createNode([a, b], { flow: true });
    seq.add(pair);
    return true;
  });
}

/** Adds a word to `words`. */
export function addWord(source: string, word: string): TextEdit | null {
  return edit(source, (doc) => {
    const seq = seqAt(doc, 'words');
    if (seq.items.some((it) => (it as { value?: unknown })?.value === word || it === word)) return false;
    seq.add(doc.createNode(word));
    return true;
  });
}

/** The smallest single replacement that turns `before` into `after`. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start: head, end: before.length - tail, text: after.slice(head, after.length - tail) };
}
