/**
 * Every sentence the engine can give (lib/wording/catalogue.ts) is a message of the popup's messages file, with one
 * placeholder per value in the catalogue's order, and the popup words it as the command line does in English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import { CATALOGUE, descriptionOf, type ArgKind, type Description, type DescriptionCode } from '../../../lib/wording/catalogue.ts';
import { inEnglish } from '../../../lib/wording/render.ts';
import { inReadersWords } from '../../../extension/popup/descriptions.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
type Messages = Record<string, Entry>;

const CODES = Object.keys(CATALOGUE) as DescriptionCode[];

/** The messages a code is worded by: itself, or its plural forms. */
function keysOf(code: DescriptionCode): string[] {
  return 'plural' in CATALOGUE[code] ? [`${code}_one`, `${code}_other`] : [code];
}

/** What is wrong with the messages file for the catalogue: a missing message, or placeholders that do not match. */
function problems(messages: Messages): string[] {
  const found: string[] = [];
  for (const code of CODES) {
    const names = Object.keys(CATALOGUE[code].args).map((name) => name.toLowerCase());
    for (const key of keysOf(code)) {
      const entry = messages[key];
      if (!entry) {
        found.push(`${key}: missing`);
        continue;
      }
      const placeholders = Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => `${name}=${content}`);
      const expected = names.map((name, i) => `${name}=$${i + 1}`);
      if (placeholders.join(' ') !== expected.join(' ')) found.push(`${key}: placeholders ${placeholders.join(' ') || 'none'}, expected ${expected.join(' ') || 'none'}`);
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()));
      for (const name of names) if (!used.has(name)) found.push(`${key}: never says $${name.toUpperCase()}$`);
    }
  }
  return found;
}

/** Every code named in lib/ outside the catalogue (in `descriptionOf('…'` or chosen beforehand): the codes the engine can emit. */
function codesEmittedByLib(): Set<string> {
  const prefixes = [...new Set(CODES.map((code) => code.split('_')[0]))].join('|');
  const literal = new RegExp(`'((?:${prefixes})_[A-Za-z]+)'`, 'g');
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && file !== path.join(repoRoot, 'lib/wording/catalogue.ts')) for (const m of readFileSync(file, 'utf8').matchAll(literal)) codes.add(m[1]);
    }
  };
  walk(path.join(repoRoot, 'lib'));
  return codes;
}

const SAMPLES: { [K in ArgKind]: (name: string) => unknown } = {
  excerpt: (name) => `the words ${name} quoted from an article, long enough to be cut short when shown in a line`,
  text: (name) => `${name}-7`,
  language: (name) => (name === 'from' ? 'ru' : 'en'),
  count: () => 3,
  percent: () => 0.86,
  day: () => '2021-08-16',
  time: () => '2021-08-16T14:05:00Z',
  description: () => descriptionOf('change_became', { before: 'shackles', after: 'chains' }),
  list: () => [descriptionOf('fact_names', { count: 12 }), descriptionOf('fact_numbers', { count: 1 })],
};

function sample(code: DescriptionCode, count?: number): Description {
  const entry = CATALOGUE[code];
  const args = Object.fromEntries(Object.entries(entry.args).map(([name, kind]) => [name, 'plural' in entry && name === entry.plural && count !== undefined ? count : SAMPLES[kind as ArgKind](name)]));
  return { code, args } as Description;
}

describe('the engine’s descriptions in the messages file', () => {
  it('has every code lib can emit, with one placeholder per value in order', () => {
    const emitted = codesEmittedByLib();
    expect(emitted.size).toBeGreaterThan(40);
    for (const code of emitted) expect(Object.hasOwn(CATALOGUE, code), `${code} is emitted but not in the catalogue`).toBe(true);
    // A code no part of lib emits is dead wording (a nested one is emitted by name too: change_*, fact_*…).
    expect(CODES.filter((code) => !emitted.has(code))).toEqual([]);
    expect(problems(english as Messages)).toEqual([]);
  });

  it('fails when a message is missing or its placeholders do not match', () => {
    const messages = structuredClone(english) as Messages;
    delete messages.drift_numberChanged;
    delete messages.evidence_sharedPassages_one;
    messages.lineage_tied = { message: 'As close to $SECOND$ as to another', placeholders: { second: { content: '$1' } } };
    expect(problems(messages)).toEqual([
      'drift_numberChanged: missing',
      'evidence_sharedPassages_one: missing',
      'lineage_tied: placeholders second=$1, expected first=$1 second=$2',
      'lineage_tied: never says $FIRST$',
    ]);
  });

  it('words every code in the popup as the command line does in English (dates aside: the reader’s locale)', () => {
    for (const code of CODES) {
      const counts = 'plural' in CATALOGUE[code] ? [1, 3] : [undefined];
      for (const count of counts) {
        const description = sample(code, count);
        const dated = Object.values(CATALOGUE[code].args).some((kind) => kind === 'day' || kind === 'time');
        if (dated) continue;
        expect(inReadersWords(description), code).toBe(inEnglish(description));
      }
    }
  });

  it('formats dates, counts and shares for the reader, the command line keeping ISO dates', () => {
    const dated = descriptionOf('evidence_publishedBefore', { stored: '2021-08-16', page: '2021-08-17' });
    expect(inEnglish(dated)).toBe('The stored article was published 2021-08-16, before the page (2021-08-17)');
    expect(inReadersWords(dated)).toBe(
      `The stored article was published ${new Date('2021-08-16T12:00:00Z').toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}, before the page (${new Date('2021-08-17T12:00:00Z').toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })})`,
    );
    const many = descriptionOf('evidence_distinctiveKeysAndStock', { count: 12_345, stock: 1 });
    expect(inEnglish(many)).toMatch(/^12345 word pairs/);
    expect(inReadersWords(many)).toMatch(new RegExp(`^${(12_345).toLocaleString()} word pairs`));
    expect(inReadersWords(descriptionOf('evidence_distinctiveKeys', { count: 1 }))).toBe('1 word pair, name or figure in common that few other stored articles have');
  });

  it('shows article text as it is, cut to a line, whatever it holds', () => {
    const hostile = descriptionOf('drift_sentenceAdded', { sentence: '<img src=x onerror=alert(1)> $1 $$ $SENTENCE$' });
    expect(inReadersWords(hostile)).toBe('Sentence added: “<img src=x onerror=alert(1)> $1 $$ $SENTENCE$”');
    expect(inEnglish(hostile)).toBe(inReadersWords(hostile));
    const long = descriptionOf('drift_sentenceDropped', { sentence: `${'word '.repeat(30)}end` });
    expect(inEnglish(long)).toBe(`Sentence dropped: “${'word '.repeat(11)}word…”`);
  });

  it('says nothing for a code this version does not know (a newer server’s)', () => {
    expect(inReadersWords({ code: 'drift_fromTheFuture', args: {} } as unknown as Description)).toBe('');
    expect(inReadersWords(undefined)).toBe('');
  });
});
