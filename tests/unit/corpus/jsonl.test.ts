import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CorpusJsonlParser,
  isIsoDate,
  parseCorpus,
  parseCorpusChunks,
  parseCorpusLine,
  serializeCorpus,
  serializeCorpusRecord,
  serializeCorrection,
  serializeCorrections,
} from '../../../lib/corpus/jsonl.ts';
import type { CorpusRecord, Correction } from '../../../lib/types.ts';

function reasonFor(line: string): string {
  const result = parseCorpusLine(line, 7);
  if (!('error' in result)) throw new Error(`expected an error for ${line}`);
  expect(result.error.line).toBe(7);
  return result.error.reason;
}

describe('parseCorpusLine', () => {
  it('keeps every known field', () => {
    const line = JSON.stringify({
      id: 'a',
      text: 'Body.',
      title: 'T',
      url: 'https://example.org/a',
      published: '2021-08-16',
      site: 'Example',
      lang: 'en',
      byline: 'A. Writer',
      firstSeen: '2021-08-16T10:00:00Z',
    });
    expect(parseCorpusLine(line, 1)).toEqual({
      record: {
        id: 'a',
        text: 'Body.',
        title: 'T',
        url: 'https://example.org/a',
        published: '2021-08-16',
        site: 'Example',
        lang: 'en',
        byline: 'A. Writer',
        firstSeen: '2021-08-16T10:00:00Z',
      },
    });
  });

  it('keeps the text exactly, whitespace included, and drops unknown fields', () => {
    const result = parseCorpusLine('{"id":"x","text":"  two\\n lines ","extra":1}', 1);
    expect(result).toEqual({ record: { id: 'x', text: '  two\n lines ' } });
  });

  it('treats null optional fields as absent', () => {
    expect(parseCorpusLine('{"id":"x","text":"t","title":null,"published":null}', 1)).toEqual({
      record: { id: 'x', text: 't' },
    });
  });

  it('reports invalid JSON', () => {
    expect(reasonFor('{"id": "a", "text": "b"')).toMatch(/^invalid JSON: /);
    expect(reasonFor('not json at all')).toMatch(/^invalid JSON: /);
  });

  it('reports values that are not objects', () => {
    expect(reasonFor('[1,2]')).toBe('not a JSON object (found array)');
    expect(reasonFor('"text"')).toBe('not a JSON object (found string)');
    expect(reasonFor('null')).toBe('not a JSON object (found null)');
    expect(reasonFor('42')).toBe('not a JSON object (found number)');
  });

  it('reports a missing or empty id', () => {
    expect(reasonFor('{"text":"t"}')).toBe('missing "id"');
    expect(reasonFor('{"id":"","text":"t"}')).toBe('"id" is empty');
    expect(reasonFor('{"id":"   ","text":"t"}')).toBe('"id" is empty');
  });

  it('reports a missing or empty text', () => {
    expect(reasonFor('{"id":"a"}')).toBe('missing "text"');
    expect(reasonFor('{"id":"a","text":null}')).toBe('missing "text"');
    expect(reasonFor('{"id":"a","text":" \\n "}')).toBe('"text" is empty');
  });

  it('reports fields of the wrong type', () => {
    expect(reasonFor('{"id":5,"text":"t"}')).toBe('"id" must be a string (found number)');
    expect(reasonFor('{"id":"a","text":["t"]}')).toBe('"text" must be a string (found array)');
    expect(reasonFor('{"id":"a","text":"t","title":{"x":1}}')).toBe('"title" must be a string (found object)');
    expect(reasonFor('{"id":"a","text":"t","url":true}')).toBe('"url" must be a string (found boolean)');
  });

  it('reports dates that do not parse', () => {
    expect(reasonFor('{"id":"a","text":"t","published":"yesterday"}')).toBe(
      '"published" is not an ISO 8601 date: "yesterday"',
    );
    expect(reasonFor('{"id":"a","text":"t","published":"2021-02-30"}')).toMatch(/"published" is not an ISO 8601/);
    expect(reasonFor('{"id":"a","text":"t","firstSeen":"2021-08-16T25:00"}')).toMatch(/"firstSeen" is not/);
  });

  it('reports an empty line', () => {
    expect(reasonFor('   ')).toBe('empty line');
  });
});

describe('isIsoDate', () => {
  it.each(['2021', '2021-08', '2021-08-16', '2021-08-16T09:30', '2021-08-16T09:30:15.250Z', '2021-08-16 09:30:15+02:00', '2024-02-29'])(
    'accepts %s',
    (value) => expect(isIsoDate(value)).toBe(true),
  );
  it.each(['16/08/2021', 'Aug 16 2021', '2021-13-01', '2023-02-29', '2021-08-16T24:00', '', '2021-8-16'])(
    'rejects %s',
    (value) => expect(isIsoDate(value)).toBe(false),
  );
});

const GOOD_A = '{"id":"a","text":"first"}';
const GOOD_B = '{"id":"b","text":"second"}';

describe('CorpusJsonlParser', () => {
  it('reassembles lines split across chunks, at any split point', () => {
    const file = `${GOOD_A}\r\n\r\n${GOOD_B}\n`;
    for (let cut = 0; cut <= file.length; cut++) {
      const parser = new CorpusJsonlParser();
      const results = [...parser.push(file.slice(0, cut)), ...parser.push(file.slice(cut)), ...parser.end()];
      expect(results).toEqual([{ record: { id: 'a', text: 'first' } }, { record: { id: 'b', text: 'second' } }]);
    }
  });

  it('strips a leading byte order mark, from text or from bytes', () => {
    expect(parseCorpus(`\uFEFF${GOOD_A}`).records).toEqual([{ id: 'a', text: 'first' }]);
    const bytes = new TextEncoder().encode(`\uFEFF${GOOD_A}\n`);
    const parser = new CorpusJsonlParser();
    const results = [...parser.push(bytes.slice(0, 2)), ...parser.push(bytes.slice(2)), ...parser.end()];
    expect(results).toEqual([{ record: { id: 'a', text: 'first' } }]);
  });

  it('decodes UTF-8 characters split between byte chunks', () => {
    const bytes = new TextEncoder().encode('{"id":"é","text":"“chains” of slavery"}\n');
    const parser = new CorpusJsonlParser();
    const results = [];
    for (let i = 0; i < bytes.length; i++) results.push(...parser.push(bytes.slice(i, i + 1)));
    results.push(...parser.end());
    expect(results).toEqual([{ record: { id: 'é', text: '“chains” of slavery' } }]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const { records, errors } = parseCorpus(`\n${GOOD_A}\n  \n{bad\n${GOOD_B}`);
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(4);
  });

  it('reports duplicate ids and keeps the first', () => {
    const { records, errors } = parseCorpus(`${GOOD_A}\n{"id":"a","text":"again"}\n${GOOD_B}\n`);
    expect(records).toEqual([
      { id: 'a', text: 'first' },
      { id: 'b', text: 'second' },
    ]);
    expect(errors).toEqual([{ line: 2, reason: 'duplicate id "a" (first on line 1)' }]);
  });

  it('reports every bad line with its number and keeps the good ones', () => {
    const file = [
      GOOD_A,
      '{"id":"c"',
      '[]',
      '{"text":"no id"}',
      '{"id":"d","text":""}',
      '{"id":"e","text":"t","lang":1}',
      '{"id":"f","text":"t","published":"someday"}',
      GOOD_B,
    ].join('\n');
    const { records, errors } = parseCorpus(file);
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errors.map((e) => e.reason)).toEqual([
      expect.stringMatching(/^invalid JSON/),
      'not a JSON object (found array)',
      'missing "id"',
      '"text" is empty',
      '"lang" must be a string (found number)',
      '"published" is not an ISO 8601 date: "someday"',
    ]);
  });

  it('reports an over-long line once and carries on with the next', () => {
    const longLine = JSON.stringify({ id: 'long', text: 'x'.repeat(200) });
    const parser = new CorpusJsonlParser({ maxLineLength: 100 });
    const results = [
      ...parser.push(longLine.slice(0, 90)),
      ...parser.push(longLine.slice(90)),
      ...parser.push(`\n${GOOD_A}\n`),
      ...parser.end(),
    ];
    expect(results).toEqual([
      { error: { line: 1, reason: 'line longer than 100 characters' } },
      { record: { id: 'a', text: 'first' } },
    ]);
    expect(parser.linesRead).toBe(2);
  });

  it('counts records and errors', () => {
    const parser = new CorpusJsonlParser();
    parser.push(`${GOOD_A}\nbad\n${GOOD_B}`);
    parser.end();
    expect([parser.recordsParsed, parser.errorsFound, parser.linesRead]).toEqual([2, 1, 3]);
  });
});

describe('parseCorpusChunks', () => {
  it('yields results from an async stream of chunks', async () => {
    async function* chunks() {
      yield '{"id":"a","te';
      yield 'xt":"first"}\nbad\n';
      yield GOOD_B;
    }
    const results = [];
    for await (const result of parseCorpusChunks(chunks())) results.push(result);
    expect(results).toEqual([
      { record: { id: 'a', text: 'first' } },
      { error: { line: 2, reason: expect.stringMatching(/^invalid JSON/) } },
      { record: { id: 'b', text: 'second' } },
    ]);
  });
});

describe('serializeCorpus', () => {
  it('writes keys in a stable order with the text last', () => {
    const line = serializeCorpusRecord({ text: 'Body', lang: 'en', id: 'a', title: 'T', published: '2021-08-16' });
    expect(line).toBe('{"id":"a","title":"T","published":"2021-08-16","lang":"en","text":"Body"}');
  });

  it('escapes line breaks so each record stays on one line', () => {
    const out = serializeCorpus([{ id: 'a', text: 'one\ntwo\r\nthree\u2028four' }]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out.endsWith('\n')).toBe(true);
  });

  it('round-trips any valid corpus', () => {
    const optionalText = fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined });
    const date = fc.option(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      { nil: undefined },
    );
    const record = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
        text: fc.string({ minLength: 1, maxLength: 400, unit: 'grapheme' }).filter((s) => s.trim() !== ''),
        title: optionalText,
        url: optionalText,
        site: optionalText,
        lang: optionalText,
        byline: optionalText,
        published: date,
        firstSeen: date,
      },
      { requiredKeys: ['id', 'text'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 8 }), (records) => {
        const clean = records.map(
          (r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as CorpusRecord,
        );
        const parsed = parseCorpus(serializeCorpus(clean));
        expect(parsed.errors).toEqual([]);
        expect(parsed.records).toEqual(clean);
      }),
      { numRuns: 200 },
    );
  });
});

describe('correction lines', () => {
  const correction: Correction = {
    kind: 'not-a-version',
    a: { url: 'https://courier.example/news/budget', hash: '0123456789abcdef', title: 'Council approves budget', site: 'Courier' },
    b: { id: 'wire-7', url: 'https://wire.example/story/7', hash: 'fedcba9876543210', title: 'Budget passes', site: 'Wire' },
    at: '2026-12-05T10:00:00Z',
  };
  const line = serializeCorrection(correction);

  it('are written with the kind first and each side’s fields in a fixed order', () => {
    expect(line).toBe(
      '{"correction":"not-a-version","a":{"url":"https://courier.example/news/budget","hash":"0123456789abcdef","title":"Council approves budget","site":"Courier"},' +
        '"b":{"id":"wire-7","url":"https://wire.example/story/7","hash":"fedcba9876543210","title":"Budget passes","site":"Wire"},"at":"2026-12-05T10:00:00Z"}',
    );
  });

  it('are read back as a third kind of line, apart from records', () => {
    expect(parseCorpusLine(line, 3)).toEqual({ correction });
    const file = serializeCorpus([{ id: 'a', text: 'first' }]) + serializeCorrections([correction]);
    expect(parseCorpus(file)).toEqual({ records: [{ id: 'a', text: 'first' }], corrections: [correction], errors: [] });
    const parser = new CorpusJsonlParser();
    parser.push(file);
    parser.end();
    expect([parser.recordsParsed, parser.correctionsParsed, parser.errorsFound]).toEqual([1, 1, 0]);
  });

  it('need only one identity per side; null and empty fields are absent', () => {
    const minimal = '{"correction":"not-a-version","a":{"url":"https://a.example/x","title":null},"b":{"id":"b","site":""},"at":"2026-12-05"}';
    expect(parseCorpusLine(minimal, 1)).toEqual({ correction: { kind: 'not-a-version', a: { url: 'https://a.example/x' }, b: { id: 'b' }, at: '2026-12-05' } });
  });

  it('leave files without corrections as they were', () => {
    expect(parseCorpus(`${GOOD_A}\n${GOOD_B}`).corrections).toEqual([]);
  });

  it('are records when they carry a text: a news record may have a "correction" note of its own', () => {
    expect(parseCorpusLine('{"id":"n","text":"Body.","correction":"An earlier version misspelt a name."}', 1)).toEqual({ record: { id: 'n', text: 'Body.' } });
  });

  it('report a malformed correction as a bad line, keeping the rest', () => {
    const broken = (fields: object) => JSON.stringify({ correction: 'not-a-version', a: { id: 'x' }, b: { id: 'y' }, at: '2026-12-05T10:00:00Z', ...fields });
    expect(reasonFor(broken({ correction: 'merge' }))).toBe('unknown correction "merge" (known: "not-a-version")');
    expect(reasonFor(broken({ correction: 3 }))).toBe('"correction" must be a string (found number)');
    expect(reasonFor(broken({ b: undefined }))).toBe('correction: missing "b"');
    expect(reasonFor(broken({ a: 'x' }))).toBe('correction: "a" must be an object (found string)');
    expect(reasonFor(broken({ a: { title: 'No identity' } }))).toBe('correction: "a" names no article (give its "id", "url" or "hash")');
    expect(reasonFor(broken({ b: { id: 7 } }))).toBe('correction: "b.id" must be a string (found number)');
    expect(reasonFor(broken({ b: { hash: 'xyz' } }))).toBe('correction: "b.hash" is not a text hash (16 hex digits): "xyz"');
    expect(reasonFor(broken({ at: undefined }))).toBe('correction: missing "at"');
    expect(reasonFor(broken({ at: 'yesterday' }))).toBe('correction: "at" is not an ISO 8601 date: "yesterday"');
    expect(reasonFor(broken({ b: { id: 'x' } }))).toBe('correction: "a" and "b" are the same article');

    const { records, corrections, errors } = parseCorpus([GOOD_A, broken({ b: { hash: 'xyz' } }), line, GOOD_B].join('\n'));
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(corrections).toEqual([correction]);
    expect(errors).toEqual([{ line: 2, reason: expect.stringContaining('"b.hash"') }]);
  });

  it('round-trip any valid correction', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    const text = fc.option(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), { nil: undefined });
    const ref = fc
      .record({ id: text, url: text, hash: fc.option(hex, { nil: undefined }), title: text, site: text }, { requiredKeys: [] })
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)))
      .filter((r) => 'id' in r || 'hash' in r);
    const at = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(
      fc.property(ref, ref, at, (a, b, when) => {
        const made: Correction = { kind: 'not-a-version', a, b, at: when };
        const parsed = parseCorpusLine(serializeCorrection(made), 1);
        if ('error' in parsed) expect(parsed.error.reason).toBe('correction: "a" and "b" are the same article');
        else expect(parsed).toEqual({ correction: made });
      }),
    );
  });
});
