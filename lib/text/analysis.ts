/**
 * One text, analysed once: the check compares a page with up to a hundred stored texts, and each stage (retrieval,
 * alignment, relation, drift, lineage) reads the same sentences, words and facts of both. A `TextAnalysis` is made
 * once per text and passed along; each view of the text is computed the first time a stage asks for it and kept on
 * the value, so it lives exactly as long as whoever holds the text (the check, or the store's bounded cache).
 *
 * Views that belong to one stage (alignment's sentence units, relation's facts, drift's names and quotes) are named
 * by that stage as a `TextView`; the language guess and the furniture split, which every stage needs, are here.
 */
import { splitFurniture, type FurnitureSplit } from './furniture';
import { languageOf } from './language-guess';
import { dateKeys, type DateKey } from './dates';
import { numberKeys, type NumberKey } from './numbers';
import { segmentation, type Segmentation } from './segment';

/** A view of a text: what one stage reads in it, for a declared language (or none). */
export interface TextView<T> {
  /**
   * Computes the view of `text` (with the declared language `lang`); `analysis` is the text's analysis, for a view
   * made from another view. Views of one text with one language are computed once.
   */
  compute(text: string, lang: string | undefined, analysis: TextAnalysis): T;
}

export class TextAnalysis {
  private readonly views = new Map<TextView<unknown>, Map<string | undefined, unknown>>();
  private split?: FurnitureSplit;

  constructor(readonly text: string) {}

  /** The view of this text, for the declared language `lang`, computed the first time it is asked. */
  view<T>(view: TextView<T>, lang?: string): T {
    let byLang = this.views.get(view);
    if (!byLang) this.views.set(view, (byLang = new Map()));
    if (byLang.has(lang)) return byLang.get(lang) as T;
    const value = view.compute(this.text, lang, this);
    byLang.set(lang, value);
    return value;
  }

  /** The language of the text: `declared` when it is a known code, else guessed from the text. */
  language(declared?: string): string {
    return this.view(LANGUAGE, declared);
  }

  /** The words and sentences of the text as segmented for `lang` (lib/text/segment.ts): alignment and names read both. */
  segmentation(lang?: string): Segmentation {
    return this.view(SEGMENTATION, lang);
  }

  /** The dates of the text (lib/text/dates.ts dateKeys), read for `lang`. */
  dates(lang?: string): DateKey[] {
    return this.view(DATES, lang);
  }

  /** The numbers of the text (lib/text/numbers.ts numberKeys), read for `lang`; they leave out the digits of its dates. */
  numbers(lang?: string): NumberKey[] {
    return this.view(NUMBERS, lang);
  }

  /** The article body and the page furniture around it (lib/text/furniture.ts). */
  get furniture(): FurnitureSplit {
    return (this.split ??= splitFurniture(this.text));
  }
}

const LANGUAGE: TextView<string> = { compute: (text, declared) => languageOf(text, declared) };
const SEGMENTATION: TextView<Segmentation> = { compute: (text, lang) => segmentation(text, lang) };
const DATES: TextView<DateKey[]> = { compute: (text, lang) => dateKeys(text, lang) };
const NUMBERS: TextView<NumberKey[]> = { compute: (text, lang, analysis) => numberKeys(text, lang, analysis.dates(lang)) };

/** The analysis of a text, or the text analysed now when a caller passes the bare string. */
export function analysed(text: string | TextAnalysis): TextAnalysis {
  return typeof text === 'string' ? new TextAnalysis(text) : text;
}
