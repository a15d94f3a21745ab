import { describe, expect, it } from 'vitest';
import { isDemonym, letterEdits } from '../../../lib/drift/detect';
import { classifyRelation } from '../../../lib/relation/classify';
import { drift, only as of, show } from './helpers';

describe('names: a changed spelling is a name change, a transliteration or a demonym is not', () => {
  it('labels a one-letter change as a spelling change', () => {
    const item = of(drift('CIA director John Brennan said the agency would cooperate.', 'CIA director John Brenan said the agency would cooperate.'), 'name');
    expect(item.summary).toBe('Name spelling changed: “John Brennan” became “John Brenan”');
    expect(item.severity).toBe(3);
  });

  it('reports a respelled first name and surname as a name change, beside "said" too', () => {
    const item = of(drift('Prime Minister Wilfried Martens said the coalition would hold.', 'Prime Minister Wilfred Martins said the coalition would hold.'), 'name');
    expect(item.summary).toBe('Name changed: “Wilfried Martens” became “Wilfred Martins”');
    expect(item.severity).toBe(4);
  });

  it('reports "Tim Clark" becoming "Tom Clark" and "Stephanie Grisham" becoming "Stephanie Graham" as names, not attribution', () => {
    expect(of(drift('"We are flying again," Tim Clark told reporters.', '"We are flying again," Tom Clark told reporters.'), 'name').summary).toContain('“Tim Clark” became “Tom Clark”');
    expect(of(drift('The visit is off, Stephanie Grisham said on Monday.', 'The visit is off, Stephanie Graham said on Monday.'), 'name').severity).toBe(4);
  });

  it('keeps a transliteration across scripts and a demonym out of the drift', () => {
    const translit = drift('Кабулов said the embassy would stay open.', 'Kabulov said the embassy would stay open.');
    expect(translit.filter((d) => d.kind === 'name' || d.kind === 'attribution'), show(translit)).toEqual([]);
    const demonym = drift('The Belgian minister arrived in Brussels on Monday.', 'The Belgium minister arrived in Brussels on Monday.');
    expect(demonym.filter((d) => d.kind === 'name'), show(demonym)).toEqual([]);
  });

  it('tells demonyms from other names and counts letter edits', () => {
    expect(isDemonym('Belgian', 'Belgium')).toBe(true);
    expect(isDemonym('Russia', 'Russian')).toBe(true);
    expect(isDemonym('Germany', 'German')).toBe(true);
    expect(isDemonym('China', 'Chinese')).toBe(true);
    expect(isDemonym('France', 'Franca')).toBe(false);
    expect(isDemonym('Congress', 'Congres')).toBe(false);
    expect(letterEdits('Brennan', 'Brenan')).toBe(1);
    expect(letterEdits('Wilfried Martens', 'Wilfred Martins')).toBe(2);
  });
});

describe('numbers, negation and tense: what changed, with its context', () => {
  it('shows a changed figure with its unit and the words around it', () => {
    const minutes = of(drift('Police arrived in less than 10 minutes after the call.', 'Police arrived in less than 40 minutes after the call.'), 'number');
    expect(minutes.summary).toBe('Number changed: “less than 10 minutes after” became “less than 40 minutes after”');
    const dollars = of(drift('Congress approved $8.8 billion in aid for the region.', 'Congress approved $6.8 billion in aid for the region.'), 'number');
    expect(dollars.page.text).toBe('$6.8 billion');
    expect(dollars.summary).toBe("Number changed: “Congress approved $8.8 billion in aid” became “Congress approved $6.8 billion in aid”");
  });

  it('does not take "six billion" written "six bln" for a changed figure', () => {
    const items = drift('The deficit reached six billion dlrs last year, the ministry said.', 'The deficit reached six bln dlrs last year, the ministry said.');
    expect(items.filter((d) => d.kind === 'number'), show(items)).toEqual([]);
  });

  it('shows the words a removed "not" negated', () => {
    const item = of(drift('Such a move would not be mandatory, the board said.', 'Such a move would be mandatory, the board said.'), 'negation');
    expect(item.summary).toBe('Negation removed: “would not be” became “would be”');
  });

  it('reports one auxiliary for another whatever follows it', () => {
    const item = of(drift('Peacock has said he may challenge Howard for the leadership.', 'Peacock had said he may challenge Howard for the leadership.'), 'tense');
    expect(item.summary).toBe('Tense or modality changed: “has said” became “had said”');
    const modal = of(drift('The ministry will buy cocoa for the buffer stock, delegates said.', 'The ministry may buy cocoa for the buffer stock, delegates said.'), 'tense');
    expect(modal.severity).toBe(4);
  });

  it('does not take "would not be" written "wouldn\'t be" for a tense change', () => {
    const items = drift('Profits for 1987 would not be affected, the chairman said.', "Profits for 1987 wouldn't be affected, the chairman said.");
    expect(items.filter((d) => d.severity >= 3), show(items)).toEqual([]);
  });
});

describe('quotes and sentences', () => {
  it('reports a word changed inside a quotation as a quote change with both wordings', () => {
    const item = of(drift('"We got her, we got her!" the officer shouted as the crowd cheered.', '"We lost her, we lost her!" the officer shouted as the crowd cheered.'), 'quote');
    expect(item.summary).toBe('Quote altered: “got” became “lost”; “got” became “lost”');
    expect(item.severity).toBe(4);
    expect(item.source.text).toBe('We got her, we got her!');
  });

  it('reports a sentence the aligner joined to its neighbour as dropped, not as a name dropped', () => {
    const items = drift(
      'Emery Air Freight Corp said it agreed with E.F. Hutton Group on the offer. Hutton will terminate its merger agreement with Purolator Courier Corp. The offer ends Friday.',
      'Emery Air Freight Corp said it agreed with E.F. Hutton Group on the offer. The offer ends Friday.',
    );
    expect(of(items, 'dropped').source.text).toContain('Hutton will terminate its merger agreement');
    expect(items.filter((d) => d.kind === 'name'), show(items)).toEqual([]);
  });
});

describe('relation: a copy whose meaning changed is not verbatim', () => {
  it('calls a word-for-word copy with a flipped negation an edited copy, and says why', () => {
    const source = 'The government does not recognise the new rulers, the minister said on Monday in the capital. '.repeat(1) + 'Talks will resume next week in Doha with delegates from both sides and observers from the region.';
    const page = source.replace('does not recognise', 'recognises');
    const negation = of(drift(source, page), 'negation');
    const input = {
      page: { text: page, lang: 'en', bodyLength: page.length },
      source: { text: source, lang: 'en' },
      passages: [{ page: [0, page.length] as [number, number], source: [0, source.length] as [number, number], similarity: 0.97 }],
      crossLanguage: false,
    };
    const without = classifyRelation(input);
    const withDrift = classifyRelation({ ...input, drift: [negation] });
    if (without.relation !== 'verbatim-copy') return expect(withDrift.relation).toBe(without.relation);
    expect(withDrift.relation).toBe('edited-copy');
    expect(withDrift.evidence.join('\n')).toContain('not a verbatim copy: Negation removed');
  });
});
