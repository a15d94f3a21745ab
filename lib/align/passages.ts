/**
 * Passage alignment: where a source's text is reused in a page. The stages, each in its own module:
 * - sentence passages by seed and extend (lib/align/seeds.ts), after the PAN text-alignment systems;
 * - across languages, runs of translated sentences in order (lib/align/across-languages.ts);
 * - edges refined inside sentences (lib/align/edges.ts);
 * - text reworded word by word (look-alike substitutions, insertions, deletions, local shuffles) keeps few similar
 *   sentences but many pairs of nearby words: dense clusters of shared word pairs are passages too
 *   (lib/align/anchors.ts), looked for only when asked.
 * Every stage has a cost limit; hitting one returns what was found with truncated: true.
 */
import type { TextAnalysis } from '../text/analysis';
import { alignAcrossLanguages } from './across-languages';
import { anchorPassages, withAnchors } from './anchors';
import { bridgeModel, isCrossLanguage } from './crosslang';
import { buildModel, firstModel, Vocabulary, type TextModel } from './model';
import { alignModels, finishPassages } from './seeds';
import { ALIGN_DEFAULTS as DEFAULTS, type Aligned, type ScoredPassage, type SentenceStage } from './stage';

export type { ScoredPassage } from './stage';

export interface AlignOptions {
  pageLang?: string;
  sourceLang?: string;
  /** Characters of each text considered. */
  maxChars?: number;
  /** Sentence units of each text considered. */
  maxUnits?: number;
  /** Budget of term-posting visits while scoring sentence pairs. */
  maxPairChecks?: number;
  /** Seeds kept (best first) before extension. */
  maxSeeds?: number;
  /** Shortest passage kept, in characters of the page text. */
  minPassageChars?: number;
  seedCosine?: number;
  seedDice?: number;
  /**
   * A sentence merged with its neighbours on one side (lost punctuation, line breaks) still
   * lies inside the other side's sentence: a pair is also a seed when the smaller sentence's
   * term weight is mostly shared, with at least `seedContainedTerms` terms in common.
   */
  seedContainment?: number;
  seedContainedTerms?: number;
  /**
   * Weaker sentence pairs (heavily reworded text) count as seeds only in a chain: with at
   * least `chainNeighbours` other seeds within maxGap units in both texts.
   */
  weakSeedCosine?: number;
  weakSeedDice?: number;
  chainNeighbours?: number;
  /** Cosine that a whole passage needs between its page and source sides. */
  validation?: number;
  /** Largest gap, in sentence units, bridged when extending seeds. */
  maxGap?: number;
  /** Largest gap used when the page condenses the source (summaries). */
  summaryMaxGap?: number;
  /** A seed is kept when its similarity is at least this share of the best seed of its sentences. */
  nearBest?: number;
  /** Summaries: largest gap between page sentences, fewest page sentences, and whole-passage cosine needed. */
  summaryPageGap?: number;
  summaryMinSentences?: number;
  summaryValidation?: number;
  /** Similarity a passage made of a single sentence pair needs. */
  singleSeedSimilarity?: number;
  /** Word pairs: largest gap in words between shared pairs of one cluster, in either text. */
  anchorGap?: number;
  /** Word pairs: fewest distinct shared pairs a cluster needs to be a passage. */
  anchorMinPairs?: number;
  /**
   * Word pairs: a cluster also needs its shared pairs packed densely (per page word) or most of
   * its page content words present in its source span: topical neighbours share scattered pairs.
   */
  anchorDensity?: number;
  anchorContainment?: number;
  /** Word pairs: a cluster with this many distinct shared pairs is a passage however spread out. */
  anchorManyPairs?: number;
  /** Word pairs: shared pairs considered (cost limit). */
  maxAnchors?: number;
  /**
   * Also cluster shared word pairs into passages (`withWordPairs`). Off by default: only a caller
   * falling back on weaker evidence needs them; one that has the sentence alignment already adds
   * them to it with withWordPairPassages.
   */
  wordPairs?: boolean;
}

export interface AlignResult {
  passages: ScoredPassage[];
  /**
   * The passages with clusters of shared word pairs added, when there are any: text reworded
   * word by word keeps too few similar sentences to be recognised by its passages alone. Weaker
   * evidence than sentences (it also finds short phrases two related texts share), for a caller to
   * fall back on when the passages are not enough. Only computed when asked (`wordPairs`).
   */
  withWordPairs?: ScoredPassage[];
  truncated: boolean;
  crossLanguage: boolean;
  pageLang: string;
  sourceLang: string;
}

/** Passages of the source in the page: by sentences, and with clusters of shared word pairs when `wordPairs` asks. */
export function alignPassages(pageText: string | TextAnalysis, sourceText: string | TextAnalysis, opts: AlignOptions = {}): AlignResult {
  const { wordPairs, ...sentenceOpts } = opts;
  const alignment = alignSentencePassages(pageText, sourceText, sentenceOpts);
  return wordPairs ? withWordPairPassages(alignment) : sentencePassagesOf(alignment);
}

/** The sentence passages of an alignment, as a result of their own. */
export function sentencePassagesOf(alignment: SentenceAlignment): AlignResult {
  return { ...alignment.result, passages: alignment.result.passages.map((p) => ({ ...p })) };
}

/**
 * The sentence passages of an alignment with clusters of shared word pairs added (`withWordPairs`): a caller that
 * falls back on word pairs after the sentence passages passes the alignment it has, which is not computed again.
 */
export function withWordPairPassages(alignment: SentenceAlignment): AlignResult {
  const result = sentencePassagesOf(alignment);
  if (!alignment.stage) return result;
  const anchors = anchorPassages(alignment.stage.ctx, alignment.options);
  if (anchors.passages.length) result.withWordPairs = finishPassages(alignment.stage.ctx, withAnchors(alignment.stage.found, anchors.passages));
  result.truncated ||= anchors.truncated;
  return result;
}

/** The sentence alignment of two texts: its passages, and what adding word pairs to them needs. */
export interface SentenceAlignment {
  result: AlignResult;
  stage?: SentenceStage;
  options: typeof DEFAULTS;
}

/**
 * The sentence alignment of two texts, each given as its text or as its analysis (lib/text/analysis.ts), whose words
 * are then read once however many texts it is aligned with. `wordPairs` is not read here: see withWordPairPassages.
 */
export function alignSentencePassages(pageText: string | TextAnalysis, sourceText: string | TextAnalysis, opts: AlignOptions = {}): SentenceAlignment {
  const o = { ...DEFAULTS, ...definedOnly(opts) };
  const limits = { maxChars: opts.maxChars, maxUnits: opts.maxUnits };
  const { model: page, vocab } = firstModel(pageText, opts.pageLang, limits);
  const source = buildModel(sourceText, vocab, opts.sourceLang, limits);
  const crossLanguage = isCrossLanguage(page.lang, source.lang);
  if (crossLanguage) {
    // A guessed language can be wrong (short or garbled text): shared words then still decide.
    if (!opts.pageLang || !opts.sourceLang) {
      const same = alignModels(page, source, vocab.size, o);
      if (same.passages.length) return finish(same, o, page, source, false);
    }
    const bridgeVocab = new Vocabulary();
    const pageBridge = bridgeModel(page, bridgeVocab);
    const sourceBridge = bridgeModel(source, bridgeVocab);
    const across = { ...o, ...crossLanguageThresholds(opts) };
    return finish(alignAcrossLanguages(pageBridge, sourceBridge, bridgeVocab.size, across), across, page, source, true);
  }
  return finish(alignModels(page, source, vocab.size, o), o, page, source, false);
}

function finish(r: Aligned, options: typeof DEFAULTS, page: TextModel, source: TextModel, crossLanguage: boolean): SentenceAlignment {
  return {
    result: {
      passages: r.passages,
      truncated: r.truncated || page.truncated || source.truncated,
      crossLanguage,
      pageLang: page.lang,
      sourceLang: source.lang,
    },
    stage: r.stage,
    options,
  };
}

// Across languages only names, numbers and cognates are shared, so single sentences match more weakly.
function crossLanguageThresholds(opts: AlignOptions): Partial<typeof DEFAULTS> {
  return {
    seedCosine: opts.seedCosine ?? 0.15,
    seedDice: opts.seedDice ?? 0.2,
    validation: opts.validation ?? 0.2,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
