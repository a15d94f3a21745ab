/**
 * `palimpsest import` keys its batches in a worker thread from the second batch on (cli/keying-thread.ts). The thread
 * must give every record the hash and keys the import's own thread would: the same lexicons for other languages, the
 * store's feature options, and the answers in the order asked.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyingThread } from '../../../cli/keying-thread.ts';
import { useLexiconFiles } from '../../../cli/lexicons.ts';
import { parseCorpus } from '../../../lib/corpus/jsonl.ts';
import { keyTexts } from '../../../lib/store/record-keys.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seeds = parseCorpus(readFileSync(path.join(repoRoot, 'assets', 'seed-corpus.jsonl'), 'utf8')).records;
const texts = [
  ...seeds.map((record) => ({ text: record.text, lang: record.lang })),
  { text: 'Die Regierung in Berlin hat am Montag neue Zölle auf Stahl angekündigt, sagte der Minister.', lang: 'de' },
  { text: 'Министр заявил в понедельник, что правительство введёт новые пошлины на сталь.', lang: 'ru' },
  { text: 'A record with no language given, about grain tariffs and copper prices.' },
];

const thread = KeyingThread.start();
afterAll(() => thread?.stop());

describe.runIf(availableParallelism() > 1)('the keying thread', () => {
  it('starts where a second core is there for it', () => {
    expect(thread !== null).toBe(availableParallelism() > 1);
  });

  it('gives each text the hash and keys the import thread computes, in the order asked', async () => {
    useLexiconFiles();
    const expected = await keyTexts(texts, {});
    const [first, second] = await Promise.all([thread!.keying(texts, {}), thread!.keying(texts.slice(0, 2), {})]);
    expect(first.map((entry) => entry.hash)).toEqual(expected.map((entry) => entry.hash));
    expect(first.map((entry) => [...entry.keys])).toEqual(expected.map((entry) => [...entry.keys]));
    expect(second.map((entry) => entry.hash)).toEqual(expected.slice(0, 2).map((entry) => entry.hash));
    // The German and Russian records are keyed through their lexicons' English glosses, as the import stores them.
    expect(first[seeds.length].keys.length).toBeGreaterThan(0);
  });

  it('uses the feature options it is given', async () => {
    const narrow = { pairSampling: 1, pairReach: 1 };
    const [keyed] = await thread!.keying(texts.slice(0, 1), narrow);
    expect([...keyed.keys]).toEqual([...(await keyTexts(texts.slice(0, 1), narrow))[0].keys]);
    expect([...keyed.keys]).not.toEqual([...(await keyTexts(texts.slice(0, 1), {}))[0].keys]);
  });

  it('refuses work once stopped, with a message', async () => {
    const stopped = KeyingThread.start()!;
    await stopped.stop();
    await expect(stopped.keying(texts, {})).rejects.toThrow(/stopped/);
  });
});
