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

  /** The article body and the page furniture around it (lib/text/furniture.ts). */
  get furniture(): FurnitureSplit {
    return (this.split ??= splitFurniture(this.text));
  }
}

const LANGUAGE: TextView<string> = { compute: (text, declared) => languageOf(text, declared) };

/** The analysis of a text, or the text analysed now when a caller passes the bare string. */
export function analysed(text: string | TextAnalysis): TextAnalysis {
  return typeof text === 'string' ? new TextAnalysis(text) : text;
}
