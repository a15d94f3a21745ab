import { describe, expect, it } from 'vitest';
import { expectedHeadline, fieldEquals, remainingTokens, sharedTokens, tokens } from '../../../scripts/eval-extraction';

describe('extraction evaluation scoring', () => {
  it('compares strings after trimming and collapsing whitespace, dates by instant, bylines without "By"', () => {
    expect(fieldEquals('title', '  A   headline ', 'A headline')).toBe(true);
    expect(fieldEquals('title', 'A headline', 'a headline')).toBe(false);
    expect(fieldEquals('publishedTime', '2019-01-03T07:00:02.000Z', '2019-01-03T09:00:02+02:00')).toBe(true);
    expect(fieldEquals('lang', 'en_US', 'en-us')).toBe(true);
    expect(fieldEquals('byline', 'By\n\t\tScott Cunningham', 'Scott Cunningham')).toBe(true);
    expect(fieldEquals('byline', 'Scott', undefined)).toBe(false);
  });

  it("judges titles without the site's name, removed as the extractor removes it", () => {
    expect(expectedHeadline('How to Build a Terrarium | eHow', ['eHow', undefined])).toBe('How to Build a Terrarium');
    expect(expectedHeadline('Data Tables | Factorio', [null, 'Factorio.com'])).toBe('Data Tables');
    // Only a whole segment that is the site's name goes: a headline that merely names the site stays.
    expect(expectedHeadline('Medium: a headline about Medium', ['Medium'])).toBe('Medium: a headline about Medium');
    expect(expectedHeadline('A headline - Somewhere else', ['eHow'])).toBe('A headline - Somewhere else');
  });

  it('counts tokens as multisets, one per CJK character', () => {
    expect(tokens('The Week’s 100 people')).toEqual(['the', 'week', 's', '100', 'people']);
    expect(tokens('人工智能 AI')).toEqual(['人', '工', '智', '能', 'ai']);
    expect(sharedTokens(['a', 'a', 'b'], ['a', 'b', 'b'])).toBe(2);
    expect(remainingTokens(['a', 'a', 'b', 'c'], ['a', 'c', 'd'])).toEqual(['a', 'b']);
  });
});
