import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyFurnitureLine, paragraphs, parseHeaderLine, splitFurniture, type FurnitureSplit } from '../../../lib/text';
import { trickyText } from './arbitraries';
import { seedAsCaptured, seedText as seed } from '../helpers/seed-corpus.ts';

const bodyParagraphs = (split: FurnitureSplit) => split.body.split('\n\n');
const kinds = (split: FurnitureSplit) => split.furniture.map((f) => `${f.kind}: ${f.text}`);
/** Each string cut to the length of the expected prefix at the same place, for a readable diff. */
const cutTo = (actual: string[], prefixes: string[]) => actual.map((a, i) => a.slice(0, prefixes[i]?.length ?? a.length));
function expectOpenings(actual: string[], prefixes: string[]) {
  expect(cutTo(actual, prefixes)).toEqual(prefixes);
}

describe('classifyFurnitureLine', () => {
  it.each([
    ['Subscribe to The Week', 'newsletter'],
    ["Sign up for The Week's Free Newsletters", 'newsletter'],
    ['From our morning news briefing to a weekly Good News Newsletter, get the best of The Week delivered directly to your inbox.', 'newsletter'],
    ["Sign up for Today's Best Articles in your inbox", 'newsletter'],
    ['A free daily email with the biggest news stories of the day – and the best features from TheWeek.com', 'newsletter'],
    ['Already a subscriber? Log in', 'newsletter'],
    ['• Follow I follow', 'social'],
    ['Share on Facebook | Twitter | Email', 'social'],
    ['Leave a Reply', 'comments'],
    ['Your email address will not be published.', 'comments'],
    ['Required fields are marked *', 'comments'],
    ['12 Comments', 'comments'],
    ['Trending on Canadian News  Anti-viral COVID-19 treatments now more widely available in Windsor-Essex', 'trending'],
    ['Most Read', 'trending'],
    ['Related Articles', 'related'],
    ['Read more: Why Russia is courting the Taliban', 'related'],
    ['You might also like', 'related'],
    ['By Rafi Schwartz, The Week US Published', 'related'],
    ['By Peter Weber', 'byline'],
    ['Political correspondent for Russia and the CIS in Moscow.', 'bio'],
    [
      "Peter has worked as a news and culture writer and editor at The Week since the site's launch in 2008. He covers politics, world affairs, religion and cultural currents.",
      'bio',
    ],
    // The bio signals' words are looked for as their case-insensitive patterns match them (any case, a long s).
    ['Anna Berg is a JOURNALIST and has worked for the Courier since 2010.', 'bio'],
    ['Anna Berg is a journaliſt and has worked for the Courier since 2010.', 'bio'],
    ['Afghans applaud atop captured Soviet tank Peter Jouvenal / Getty Images', 'caption'],
    ['Taliban fighters in Kabul on Monday (Photo: AFP)', 'caption'],
    ['Photo: Reuters', 'credit'],
    ['AFP via Getty Images', 'credit'],
    ['(Image credit: Getty Images)', 'credit'],
    [' date 2021-08-17 ', 'metadata'],
    ['5 min read', 'metadata'],
    ['Published: 16 August 2021', 'dateline'],
    ['Advertisement', 'ad'],
    ['© 2021 The Week Ltd. All rights reserved.', 'legal'],
    ['Skip to main content', 'navigation'],
    ['-', 'separator'],
    ['* * *', 'separator'],
  ])('%j is %s', (line, kind) => {
    expect(classifyFurnitureLine(line)).toBe(kind);
  });

  it.each([
    'The U.S. and other Western nations evacuated their embassies in Kabul on Sunday.',
    'Kabulov told Reuters they have not been evacuated.',
    'Most of the embassy staff will stay, the ambassador said.',
    'Share prices in Moscow fell on Monday.',
    'Follow the money, he said.',
    'Updated figures show 100 deaths.',
    'More than 15,000 Soviet soldiers were killed during the invasion of the 1980s.',
    'Evan Gershkovich, a reporter who has worked in Moscow, is a correspondent for the Journal.',
    'Kabulov has worked as a diplomat in Kabul since 2011 and is a veteran of Afghan talks.',
    'Copyright law in Russia has changed.',
    'Subscribers to the channel saw the video on Monday. It spread quickly.',
    'Topline',
    'Security measures strengthened in Central Asia',
    'Russia is already tentatively cozying up to the Taliban after Afghan sweep',
    'He said the Taliban were now protecting the Russian embassy in Kabul, via a third party.',
  ])('%j is article text', (line) => {
    expect(classifyFurnitureLine(line)).toBeNull();
  });

  it.each([' Leave a Reply', 'Leave a Reply ', 'Leave  a Reply', 'Leave\ta\nReply', 'Leave\u00a0a Reply', '\u2028Leave a Reply'])(
    'reads %j with its whitespace collapsed, as the collapsed line',
    (line) => {
      expect(classifyFurnitureLine(line)).toBe('comments');
    },
  );
});

describe('parseHeaderLine', () => {
  it('reads the date and url of a saved-article header', () => {
    expect(parseHeaderLine(' date 2021-08-17 ')).toEqual({ published: '2021-08-17' });
    expect(parseHeaderLine('date 2021-08-16 https://www.forbes.com/x?sh=1')).toEqual({ published: '2021-08-16', url: 'https://www.forbes.com/x?sh=1' });
    expect(parseHeaderLine('The date 2021-08-16 was a Monday')).toBeNull();
  });
});

describe('splitFurniture', () => {
  it('removes a newsletter block in the middle and keeps the paragraphs around it', () => {
    const text = [
      'First paragraph of the story, with a full sentence.',
      'Subscribe to The Week',
      'Escape your echo chamber. Get the facts behind the news, plus analysis from multiple perspectives.',
      '',
      "Sign up for The Week's Free Newsletters",
      'Second paragraph of the story, also a sentence.',
    ].join('\n');
    const split = splitFurniture(text);
    expect(bodyParagraphs(split)).toEqual(['First paragraph of the story, with a full sentence.', 'Second paragraph of the story, also a sentence.']);
    expect(split.furniture.map((f) => f.kind)).toEqual(['newsletter', 'newsletter', 'newsletter']);
  });

  it('cuts the related-articles tail after the article, but not a real closing paragraph', () => {
    const tail = ['Sign up for Today’s Best Articles in your inbox', '-', 'How to pay off student loans', 'The explainer Don’t just settle for the default repayment plan', 'By Becca Stanek, The Week US Published'];
    const withTail = splitFurniture(['The story ends here.', ...tail].join('\n'));
    expect(bodyParagraphs(withTail)).toEqual(['The story ends here.']);
    expect(withTail.furniture).toHaveLength(5);
    const storyContinues = splitFurniture(['The story goes on.', 'Sign up for our newsletter', 'Short final line.'].join('\n'));
    expect(bodyParagraphs(storyContinues)).toEqual(['The story goes on.', 'Short final line.']);
  });

  it('takes an author name above a bio line with it', () => {
    const split = splitFurniture('One sentence of news.\n\nFriedrich Schmidt\n\nPolitical correspondent for Russia and the CIS in Moscow.\n\nAnother sentence of news.');
    expect(bodyParagraphs(split)).toEqual(['One sentence of news.', 'Another sentence of news.']);
    expectOpenings(kinds(split), ['byline: Friedrich Schmidt', 'bio: Political correspondent for Russia and the']);
  });

  it('keeps captions apart and reads the header line', () => {
    const split = splitFurniture(' date 2021-08-17 https://example.org/a\n\nTanks in Kabul Peter Jouvenal / Getty Images\n\nThe story.');
    expect(split.metadata).toEqual({ published: '2021-08-17', url: 'https://example.org/a' });
    expect(split.captions.map((c) => c.kind)).toEqual(['caption']);
    expect(split.body).toBe('The story.');
  });

  it('takes a leading headline out as the title', () => {
    const split = splitFurniture('Russia is already cozying up to the Taliban\n\n\nThe U.S. evacuated its embassy. Russia stayed.\nMore news.');
    expect(split.title).toBe('Russia is already cozying up to the Taliban');
    expect(bodyParagraphs(split)).toEqual(['The U.S. evacuated its embassy. Russia stayed.', 'More news.']);
    expect(splitFurniture('Topline\n\nThe story.').title).toBeUndefined();
    expect(splitFurniture('A short lede without a full stop\nNext paragraph follows right away.').title).toBeUndefined();
  });

  it('accounts for every paragraph exactly once and keeps offsets consistent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          trickyText(120),
          fc
            .array(fc.constantFrom('Subscribe to The Week', 'The story goes on.', '-', 'Leave a Reply', 'Friedrich Schmidt', 'A title line here', 'By X, The Week US Published', '', ' date 2021-08-17 ', 'Photo: AFP'), { maxLength: 20 })
            .map((lines) => lines.join('\n')),
        ),
        (text) => {
          const split = splitFurniture(text);
          const all = [...split.bodySpans, ...split.furniture.map((f) => [f.start, f.end] as [number, number]), ...split.captions.map((c) => [c.start, c.end] as [number, number])];
          if (split.titleSpan) all.push(split.titleSpan);
          const expected = paragraphs(text).map(([s, e]) => `${s}-${e}`).sort();
          if (JSON.stringify(all.map(([s, e]) => `${s}-${e}`).sort()) !== JSON.stringify(expected)) return false;
          if (split.body !== split.bodySpans.map(([s, e]) => text.slice(s, e)).join('\n\n')) return false;
          return split.bodySpans.every(([s, e], i) => s < e && e <= text.length && (i === 0 || split.bodySpans[i - 1][1] <= s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles long inputs', () => {
    const big = 'A line of article text that goes on.\n'.repeat(5_000);
    expect(splitFurniture(big).bodySpans).toHaveLength(5_000);
    expect(splitFurniture('x'.repeat(100_000)).body).toHaveLength(100_000);
    expect(splitFurniture('-\n'.repeat(10_000)).body).toBe('');
  });
});

describe('splitFurniture on the seeds', () => {
  it('000: header and caption out, five paragraphs of the translation in', () => {
    const split = splitFurniture(seedAsCaptured('000'));
    expect(split.metadata).toEqual({ published: '2021-08-17' });
    expect(split.captions.map((c) => c.text)).toEqual(['Afghans applaud atop captured Soviet tank Peter Jouvenal / Getty Images']);
    expectOpenings(bodyParagraphs(split), [
      'The United States and other Western count',
      'The Russian ambassador is due to meet wit',
      '“Russia has had a humiliating withdrawal ',
      'Beijing is taking a cautious approach, sa',
      'Russia and China fear that the Taliban vi',
    ]);
    expect(split.body.endsWith('strengthens ties with Pakistan and Iran “.')).toBe(true);
  });

  it('001: newsletter prompts, bio and related list out; the article intact', () => {
    const text = seedAsCaptured('001');
    const split = splitFurniture(text);
    expect(split.title).toBe('Russia is already tentatively cozying up to the Taliban after Afghan sweep');
    expectOpenings(bodyParagraphs(split), [
      'The U.S. and other Western nations evacua',
      'Russia\'s ambassador is scheduled to meet ',
      '"Russia had a humiliating withdrawal from',
      'Beijing is taking a cautious approach, sa',
      'Russia and China are concerned the Taliba',
    ]);
    expect(split.body.startsWith('The U.S. and other Western nations evacuated their embassies')).toBe(true);
    expect(split.body.endsWith('strengthens ties with Pakistan and Iran."')).toBe(true);
    const byKind = (kind: string) => split.furniture.filter((f) => f.kind === kind).map((f) => f.text);
    expect(byKind('newsletter')).toHaveLength(7);
    expect(byKind('bio')).toEqual([expect.stringMatching(/^Peter has worked as a news and culture writer/)]);
    expect(split.furniture.at(-1)!.text).toBe('By Harriet Marsden, The Week UK Published');
    // No article sentence lost: every line of the article region is a body paragraph.
    const lines = text.split('\n');
    for (const line of [lines[3], lines[4], lines[5], lines[12], lines[13]]) expect(bodyParagraphs(split)).toContain(line);
  });

  it('002: header out, Forbes section headings kept as paragraphs', () => {
    const split = splitFurniture(seedAsCaptured('002'));
    expect(split.metadata.published).toBe('2021-08-16');
    expect(split.metadata.url).toMatch(/^https:\/\/www\.forbes\.com\/sites\/roberthart\/2021\/08\/16\//);
    expect(split.furniture.map((f) => f.kind)).toEqual(['metadata']);
    expectOpenings(bodyParagraphs(split), [
      'Topline',
      'As Western nations ramp up efforts to shu',
      'Key Facts',
      'Hua Chunying, a spokesperson for China’s ',
      'Key Background',
      'The Taliban declared the war in Afghanist',
      'Contra',
      'U.K. Prime Minister Boris Johnson warned ',
    ]);
  });

  it('003: trending link and comment form out', () => {
    const split = splitFurniture(seed('003'));
    expectOpenings(kinds(split), [
      'trending: Trending on Canadian News',
      'comments: Leave a Reply',
      'comments: Your email address will not be publish',
    ]);
    expect(split.body.startsWith('As the West evacuates their embassies')).toBe(true);
    expect(split.body.endsWith('because of Chinese economic interests in the region.')).toBe(true);
    expect(bodyParagraphs(split)).toHaveLength(6);
  });

  it('004: author block out, paragraphs before and after it kept', () => {
    const split = splitFurniture(seed('004'));
    expectOpenings(kinds(split), ['byline: Friedrich Schmidt', 'bio: Political correspondent for Russia and the', 'social: • Follow I follow']);
    const paras = bodyParagraphs(split);
    expect(paras).toHaveLength(11);
    expect(paras[2]).toBe("Russia's embassy in Kabul should continue to work, but some of the staff of around one hundred should be taken out of the country.");
    expect(paras[3]).toBe("Russia's state media had previously reported that the Taliban had promised to guarantee the security of diplomats;");
    expect(split.body.endsWith('which would increase the danger for Russia and its allies.')).toBe(true);
  });
});
