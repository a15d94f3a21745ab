import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paragraphs, sentences, words } from '../../../lib/text';
import { trickyText } from './arbitraries';
import { seedAsCaptured } from '../helpers/seed-corpus.ts';

const spanTexts = (text: string, spans: [number, number][]) => spans.map(([s, e]) => text.slice(s, e));
const norms = (text: string, lang?: string) => words(text, lang).map((t) => t.norm);

describe('words', () => {
  it('returns word-like segments with offsets into the original text', () => {
    const text = '“We have,” Zamir Kabulov — Russia’s envoy — said.';
    const tokens = words(text);
    expect(tokens.map((t) => t.text)).toEqual(['We', 'have', 'Zamir', 'Kabulov', 'Russia’s', 'envoy', 'said']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[4].norm).toBe("russia's");
  });

  it('keeps numbers with separators as one token', () => {
    expect(norms('1,300-kilometer 5.93 mln 16.08.2021')).toEqual(['1,300', 'kilometer', '5.93', 'mln', '16.08.2021']);
  });

  it('folds case and diacritics in norm only', () => {
    const [t] = words('Köln');
    expect(t).toEqual({ text: 'Köln', norm: 'koln', start: 0, end: 4 });
    expect(norms('Grüße aus München', 'de')).toEqual(['grusse', 'aus', 'munchen']);
    expect(norms('À l’Élysée, déjà', 'fr')).toEqual(['a', "l'elysee", 'deja']);
  });

  it('segments Cyrillic, Arabic and Chinese', () => {
    expect(norms('Привет, Ёжик!', 'ru')).toEqual(['привет', 'ежик']);
    const arabic = 'مرحبا بالعالم';
    expect(words(arabic, 'ar').map((t) => arabic.slice(t.start, t.end))).toEqual(['مرحبا', 'بالعالم']);
    const chinese = '中华人民共和国外交部发言人华春莹说';
    const tokens = words(chinese, 'zh');
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.map((t) => t.text).join('')).toBe(chinese);
  });

  it('survives an unknown or malformed language tag', () => {
    expect(norms('one two', 'not a tag!')).toEqual(['one', 'two']);
  });

  it('handles a 100k-character line without spaces', () => {
    const text = 'a'.repeat(100_000);
    const tokens = words(text);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.at(-1)!.end).toBe(text.length);
  });

  it('segments long texts piecewise with the same result as short ones', () => {
    // ICU iteration in V8 is quadratic in the input length, so words() feeds it pieces.
    const text = 'Zamir Kabulov said. '.repeat(6_000);
    const tokens = words(text);
    expect(tokens).toHaveLength(18_000);
    expect(tokens.slice(-3).map((t) => t.text)).toEqual(['Zamir', 'Kabulov', 'said']);
    expect(tokens.every((t) => text.slice(t.start, t.end) === t.text)).toBe(true);
  });

  it('offsets are within the text, ordered, and match the token text', () => {
    fc.assert(
      fc.property(trickyText(80), (text) => {
        let last = 0;
        for (const t of words(text)) {
          if (t.start < last || t.end <= t.start || t.end > text.length) return false;
          if (text.slice(t.start, t.end) !== t.text) return false;
          last = t.end;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentences', () => {
  it('does not split after titles, initials and dotted acronyms', () => {
    const text = 'The U.S. Army said so. Mr. Smith met Dr. Jones and Gen. Lee. John F. Kennedy won. No. 10 Downing St. Paul is old.';
    expect(spanTexts(text, sentences(text))).toEqual([
      'The U.S. Army said so.',
      'Mr. Smith met Dr. Jones and Gen. Lee.',
      'John F. Kennedy won.',
      'No. 10 Downing St. Paul is old.',
    ]);
  });

  it('still splits when a dotted acronym ends a sentence', () => {
    const text = 'Troops returned to the U.S. The withdrawal ended. The U.K. Foreign Office agreed.';
    expect(spanTexts(text, sentences(text))).toEqual([
      'Troops returned to the U.S.',
      'The withdrawal ended.',
      'The U.K. Foreign Office agreed.',
    ]);
  });

  it('does not split after e.g. and i.e.', () => {
    const text = 'Some allies, e.g. Pakistan, agreed. Others, i.e. Iran, did not.';
    expect(spanTexts(text, sentences(text))).toEqual(['Some allies, e.g. Pakistan, agreed.', 'Others, i.e. Iran, did not.']);
    const capital = 'Neighbours matter. I.e. Iran matters. E.g. Pakistan.';
    expect(spanTexts(capital, sentences(capital))).toEqual(['Neighbours matter.', 'I.e. Iran matters.', 'E.g. Pakistan.']);
  });

  it('keeps dates with abbreviated months and German ordinals together', () => {
    const text = 'It happened on Aug. 16, 2021 in Kabul. Am 16. August 2021 fiel Kabul. Das ist z. B. Nr. 5 der Liste.';
    expect(spanTexts(text, sentences(text))).toEqual([
      'It happened on Aug. 16, 2021 in Kabul.',
      'Am 16. August 2021 fiel Kabul.',
      'Das ist z. B. Nr. 5 der Liste.',
    ]);
  });

  it('splits at every line break and drops empty or punctuation-only spans', () => {
    const text = '  Title line\nFirst. Second!\n\n-\n  \nLast one?  ';
    expect(spanTexts(text, sentences(text))).toEqual(['Title line', 'First.', 'Second!', 'Last one?']);
  });

  it('keeps closing quotes with their sentence', () => {
    const text = '“Some of our employees will be sent on vacation.” He said the Taliban were now protecting the embassy.';
    expect(spanTexts(text, sentences(text))).toEqual([
      '“Some of our employees will be sent on vacation.”',
      'He said the Taliban were now protecting the embassy.',
    ]);
  });

  it('segments other languages', () => {
    const ru = 'Москва не спешит. Посол встретится с талибами во вторник.';
    expect(spanTexts(ru, sentences(ru, 'ru'))).toEqual(['Москва не спешит.', 'Посол встретится с талибами во вторник.']);
    const zh = '塔利班控制了喀布尔。俄罗斯大使馆继续工作！';
    expect(spanTexts(zh, sentences(zh, 'zh'))).toEqual(['塔利班控制了喀布尔。', '俄罗斯大使馆继续工作！']);
    const ar = 'سيطرت طالبان على كابول. السفارة الروسية تعمل؟ نعم';
    expect(spanTexts(ar, sentences(ar, 'ar'))).toEqual(['سيطرت طالبان على كابول.', 'السفارة الروسية تعمل؟', 'نعم']);
  });

  it('splits seed 001 into its sentences', () => {
    const text = seedAsCaptured('001');
    const got = spanTexts(text, sentences(text));
    expect(got[0]).toBe('Russia is already tentatively cozying up to the Taliban after Afghan sweep');
    expect(got[1]).toBe(
      'The U.S. and other Western nations evacuated their embassies in Kabul on Sunday as the Taliban took control of the Afghan capital, but Russia and China stayed put — mostly.',
    );
    expect(got).toContain('"Some of our employees will be sent on vacation or evacuated in some other way so as not to create too much of a presence."');
    expect(got).toContain('He said the Taliban is now protecting Russia\'s Kabul embassy.');
    expect(got).not.toContain('-');
  });

  it('handles long inputs without spaces or with many abbreviations', () => {
    const noSpaces = 'x'.repeat(100_000);
    expect(sentences(noSpaces)).toEqual([[0, 100_000]]);
    const many = sentences('Russia cannot. '.repeat(8_000));
    expect(many).toHaveLength(8_000);
    expect(many[7_999]).toEqual([15 * 7_999, 15 * 8_000 - 1]);
    const abbreviations = 'Mr. '.repeat(20_000);
    const spans = sentences(abbreviations);
    expect(spans.length).toBe(1);
  });

  it('spans are trimmed, non-empty, ordered and inside the text', () => {
    fc.assert(
      fc.property(trickyText(80), fc.constantFrom(undefined, 'en', 'de', 'zh'), (text, lang) => {
        let last = 0;
        for (const [s, e] of sentences(text, lang)) {
          if (s < last || e <= s || e > text.length) return false;
          if (/\s/.test(text[s]) || /\s/.test(text[e - 1])) return false;
          last = e;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

/** Wire copy as plain-text archives store it: lines broken at a fixed width, paragraphs started by an indent. */
const wireCopy = [
  'Harbour Ferries Co said it',
  'will withdraw all 40 of its older passenger boats from the',
  'island routes in two stages.',
  '    First, on July 1, it will replace 25 boats with new',
  'catamarans built in Leith.',
  '    Then, on September 1, it will retire the remaining 15',
  'boats.',
].join('\n');
/** Its sentences, each on one line. */
const wireCopySentences = [
  'Harbour Ferries Co said it will withdraw all 40 of its older passenger boats from the island routes in two stages.',
  'First, on July 1, it will replace 25 boats with new catamarans built in Leith.',
  'Then, on September 1, it will retire the remaining 15 boats.',
];
const oneLine = (span: string) => span.replace(/\s+/g, ' ');

describe('sentences of hard-wrapped text', () => {
  it('joins the lines a wire width broke inside a sentence', () => {
    expect(spanTexts(wireCopy, sentences(wireCopy)).map(oneLine)).toEqual(wireCopySentences);
  });

  it('keeps short lines apart when each starts an item of its own', () => {
    const features = ['Handmade oak bookshelf with five adjustable shelves', 'Solid brass hinges and a linseed finish', 'Ships flat packed with every screw', 'Free delivery within the county'].join('\n');
    expect(sentences(features)).toHaveLength(4);
  });

  it('keeps a line wider than a wire apart, however its neighbours end', () => {
    const wide = `${'word '.repeat(25).trim()}\ngoes on here\nand here too\nand on`;
    expect(sentences(wide).length).toBeGreaterThan(1);
  });
});

describe('paragraphs', () => {
  it('treats each non-empty line as a paragraph', () => {
    const text = 'First paragraph.\nSecond paragraph.\n\n\nThird.';
    expect(spanTexts(text, paragraphs(text))).toEqual(['First paragraph.', 'Second paragraph.', 'Third.']);
  });

  it('joins hard-wrapped lines between blank lines', () => {
    const text = [
      'The Taliban declared the war in Afghanistan over',
      'after it retook the capital, Kabul, with little',
      'resistance on Sunday.',
      '',
      'The swifter-than-expected takeover sparked a',
      'scrambling exodus of diplomatic staff and',
      'foreign nationals.',
    ].join('\n');
    expect(paragraphs(text)).toHaveLength(2);
  });

  it('joins wire copy’s wrapped lines up to the indent that starts the next paragraph', () => {
    expect(spanTexts(wireCopy, paragraphs(wireCopy)).map(oneLine)).toEqual(wireCopySentences);
  });

  it('paragraphs are trimmed, ordered and inside the text', () => {
    fc.assert(
      fc.property(trickyText(80), (text) => {
        let last = 0;
        for (const [s, e] of paragraphs(text)) {
          if (s < last || e <= s || e > text.length || /\s/.test(text[s]) || /\s/.test(text[e - 1])) return false;
          last = e;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
