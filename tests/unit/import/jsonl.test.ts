import { describe, expect, it } from 'vitest';
import { serializeCorpus, serializeCorrections } from '../../../lib/corpus/jsonl.ts';
import { readJsonlRecords, type JsonlImportItem } from '../../../lib/import/jsonl.ts';
import type { CorpusRecord, Correction } from '../../../lib/types.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

async function readAll(text: string, options = {}): Promise<JsonlImportItem[]> {
  const items: JsonlImportItem[] = [];
  for await (const item of readJsonlRecords([bytes(text)], options)) items.push(item);
  return items;
}

const good = (id: string) => JSON.stringify({ id, text: `Text of ${id}.` });

describe('readJsonlRecords', () => {
  it('keeps good lines and reports bad ones with their line numbers and reasons', async () => {
    const file = [good('a'), '{"id": "b", "text": ', '', good('c'), '{"id":"d"}', '[1,2]', good('a'), '{"id":"e","text":"t","published":"yesterday"}'].join('\n');
    const items = await readAll(file);
    expect(items.filter((i) => i.kind === 'record').map((i) => (i.kind === 'record' ? i.record.id : ''))).toEqual(['a', 'c']);
    const problems = items.flatMap((i) => (i.kind === 'problem' ? [`line ${i.line}: ${i.reason}`] : []));
    expect(problems).toEqual([
      expect.stringMatching(/^line 2: invalid JSON/),
      'line 5: missing "text"',
      'line 6: not a JSON object (found array)',
      'line 7: duplicate id "a" (first on line 1)',
      'line 8: "published" is not an ISO 8601 date: "yesterday"',
    ]);
  });

  it('resumes from a byte offset with the right line numbers', async () => {
    const file = [good('a'), good('b'), 'oops', good('c')].join('\n') + '\n';
    const all = await readAll(file);
    const afterFirst = all[0];
    const whole = bytes(file);
    const resumed: JsonlImportItem[] = [];
    for await (const item of readJsonlRecords([whole.subarray(afterFirst.end)], { startOffset: afterFirst.end, startLine: afterFirst.line })) resumed.push(item);
    expect(resumed).toEqual(all.slice(1));
    expect(resumed.map((i) => i.line)).toEqual([2, 3, 4]);
    expect(resumed[resumed.length - 1].end).toBe(whole.length);
  });

  it('reads back exactly what serializeCorpus wrote', async () => {
    const records: CorpusRecord[] = [
      { id: 'x', text: 'Line one.\nLine “two” – with\ttabs and émojis 🎉.', title: 'T', url: 'https://example.org/x', published: '2021-08-16', site: 'Example', lang: 'en', byline: 'A. B.', firstSeen: '2021-08-16T10:00:00Z' },
      { id: 'y', text: 'Plain.' },
    ];
    const items = await readAll(serializeCorpus(records));
    expect(items.map((i) => (i.kind === 'record' ? i.record : null))).toEqual(records);
  });

  it('gives corrections apart from records, with their line and end, and reports a broken one as a problem', async () => {
    const correction: Correction = { kind: 'not-a-version', a: { url: 'https://a.example/story' }, b: { id: 'y', hash: '0123456789abcdef' }, at: '2026-12-05T10:00:00Z' };
    const file = serializeCorpus([{ id: 'y', text: 'Plain.' }]) + serializeCorrections([correction]) + '{"correction":"not-a-version","a":{"id":"y"},"at":"2026-12-05"}\n';
    const items = await readAll(file);
    expect(items.map((i) => i.kind)).toEqual(['record', 'correction', 'problem']);
    expect(items[1]).toEqual({ kind: 'correction', correction, line: 2, end: bytes(file).length - bytes('{"correction":"not-a-version","a":{"id":"y"},"at":"2026-12-05"}\n').length });
    expect(items[2]).toMatchObject({ kind: 'problem', line: 3, reason: 'correction: missing "b"' });
  });
});
