/**
 * Every sentence the engine says to a reader, as a code and typed values: what changed between two texts (drift), why
 * a relation holds (evidence) and why a version has no place in a lineage. The engine returns descriptions
 * (lib/wording/catalogue.ts descriptionOf); each front end words them: the command line and the team server in English
 * (lib/wording/english.ts), the extension from its messages file (public/_locales/<lang>/messages.json), where each
 * code is a message of the same name whose placeholders are the values below, in this order.
 *
 * The English here is the product's English: public/_locales/en/messages.json holds the same sentences
 * (tests/unit/wording/messages.test.ts checks every code against it).
 */

/**
 * What a value is, so each front end can show it its own way:
 * - `excerpt`: text quoted from an article, shortened to a line (untrusted: inserted as text only);
 * - `text`: other untrusted text shown as it is (a record id, a quoted word);
 * - `language`: a BCP 47 language tag ("ru", "pt-BR"), shown as the language's name in the reader's language;
 * - `count`: a whole number; `percent`: a share from 0 to 1;
 * - `day`: an ISO 8601 date (YYYY-MM-DD); `time`: an ISO 8601 date-time;
 * - `description`: another description, worded first; `list`: descriptions worded and listed ("a, b, c").
 */
export type ArgKind = 'excerpt' | 'text' | 'language' | 'count' | 'percent' | 'day' | 'time' | 'description' | 'list';

interface Entry {
  /** Value names (lower case, as the messages file's placeholders are), in the order of its `$1`, `$2`… */
  readonly args: Readonly<Record<string, ArgKind>>;
  /** English, with `$NAME$` for each value (the messages file's syntax); plural forms when `plural` names a count. */
  readonly en: string | { readonly one: string; readonly other: string };
  /** The count whose plural form the sentence takes. */
  readonly plural?: string;
}

const CHANGE = { change: 'description' } as const;
const BEFORE_AFTER = { before: 'excerpt', after: 'excerpt' } as const;
const SHARES = { page: 'percent', source: 'percent' } as const;

export const CATALOGUE = {
  // ---------------------------------------------------------------- drift: one change between two texts
  drift_captionAdded: { args: { sentence: 'excerpt' }, en: 'Photo caption added: “$SENTENCE$”' },
  drift_sentenceAdded: { args: { sentence: 'excerpt' }, en: 'Sentence added: “$SENTENCE$”' },
  drift_sentenceDropped: { args: { sentence: 'excerpt' }, en: 'Sentence dropped: “$SENTENCE$”' },
  drift_nameChangedInTranslation: { args: BEFORE_AFTER, en: 'Name changed in translation: “$BEFORE$” became “$AFTER$”' },
  drift_negationLostInTranslation: { args: BEFORE_AFTER, en: 'Negation lost in translation: “$BEFORE$” became “$AFTER$”' },
  drift_negationAddedInTranslation: { args: BEFORE_AFTER, en: 'Negation added in translation: “$BEFORE$” became “$AFTER$”' },
  drift_numberChanged: { args: BEFORE_AFTER, en: 'Number changed: “$BEFORE$” became “$AFTER$”' },
  drift_dateChanged: { args: BEFORE_AFTER, en: 'Date changed: “$BEFORE$” became “$AFTER$”' },
  drift_timeChanged: { args: BEFORE_AFTER, en: 'Time changed: “$BEFORE$” became “$AFTER$”' },
  drift_tenseChanged: { args: BEFORE_AFTER, en: 'Tense or modality changed: “$BEFORE$” became “$AFTER$”' },
  drift_tenseChangedTypo: {
    args: { before: 'excerpt', intended: 'excerpt', after: 'excerpt' },
    en: 'Tense or modality changed: “$BEFORE$” (read as “$INTENDED$”) became “$AFTER$”',
  },
  drift_reworded: { args: CHANGE, en: 'Reworded: $CHANGE$' },
  drift_negationAdded: { args: CHANGE, en: 'Negation added: $CHANGE$' },
  drift_negationRemoved: { args: CHANGE, en: 'Negation removed: $CHANGE$' },
  drift_attributionChanged: { args: CHANGE, en: 'Attribution changed: $CHANGE$' },
  drift_nameSpellingChanged: { args: CHANGE, en: 'Name spelling changed: $CHANGE$' },
  drift_nameChanged: { args: CHANGE, en: 'Name changed: $CHANGE$' },
  drift_nameDropped: { args: CHANGE, en: 'Name dropped: $CHANGE$' },
  drift_nameAdded: { args: CHANGE, en: 'Name added: $CHANGE$' },
  drift_quoteAltered: { args: { first: 'description' }, en: 'Quote altered: $FIRST$' },
  drift_quoteAlteredTwice: { args: { first: 'description', second: 'description' }, en: 'Quote altered: $FIRST$; $SECOND$' },
  drift_quoteAlteredMore: {
    args: { first: 'description', second: 'description', more: 'count' },
    plural: 'more',
    en: { one: 'Quote altered: $FIRST$; $SECOND$ (+$MORE$ more)', other: 'Quote altered: $FIRST$; $SECOND$ (+$MORE$ more)' },
  },
  // One stretch of wording, before and after.
  change_added: { args: { after: 'excerpt' }, en: '“$AFTER$” added' },
  change_removed: { args: { before: 'excerpt' }, en: '“$BEFORE$” removed' },
  change_became: { args: BEFORE_AFTER, en: '“$BEFORE$” became “$AFTER$”' },

  // ---------------------------------------------------------------- evidence: why a relation, and which came first
  evidence_verbatimCopy: {
    args: { ...SHARES, passages: 'count' },
    plural: 'passages',
    en: {
      one: 'Verbatim copy: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passage)',
      other: 'Verbatim copy: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passages)',
    },
  },
  evidence_editedCopy: {
    args: { ...SHARES, passages: 'count' },
    plural: 'passages',
    en: {
      one: 'Edited copy: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passage)',
      other: 'Edited copy: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passages)',
    },
  },
  evidence_rewrite: {
    args: { ...SHARES, passages: 'count' },
    plural: 'passages',
    en: {
      one: 'Rewrite: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passage)',
      other: 'Rewrite: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passages)',
    },
  },
  evidence_rewriteInOrder: {
    args: SHARES,
    en: "Rewrite: $PAGE$ of this page's words follow the stored article's order ($SOURCE$ of its words), though no sentence kept enough of its wording to pair",
  },
  evidence_translation: {
    args: { from: 'language', to: 'language', ...SHARES, passages: 'count' },
    plural: 'passages',
    en: {
      one: 'Translation ($FROM$ → $TO$): the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passage), matched through names, numbers and cognates',
      other: 'Translation ($FROM$ → $TO$): the shared text is $PAGE$ of this page and $SOURCE$ of the stored article ($PASSAGES$ passages), matched through names, numbers and cognates',
    },
  },
  evidence_notVerbatim: { args: { change: 'description' }, en: 'Nearly word for word, but not a verbatim copy: $CHANGE$' },
  evidence_distinctiveKeys: {
    args: { count: 'count' },
    plural: 'count',
    en: {
      one: '$COUNT$ word pair, name or figure in common that few other stored articles have',
      other: '$COUNT$ word pairs, names or figures in common that few other stored articles have',
    },
  },
  evidence_distinctiveKeysAndStock: {
    args: { count: 'count', stock: 'count' },
    plural: 'count',
    en: {
      one: '$COUNT$ word pair, name or figure in common that few other stored articles have; $STOCK$ more are common in your corpus and count for nothing',
      other: '$COUNT$ word pairs, names or figures in common that few other stored articles have; $STOCK$ more are common in your corpus and count for nothing',
    },
  },
  evidence_sameStory: { args: { facts: 'list' }, en: 'Same story, no copied passages: shares $FACTS$' },
  evidence_sameStoryTopic: { args: { facts: 'list', topic: 'percent' }, en: 'Same story, no copied passages: shares $FACTS$, topic similarity $TOPIC$' },
  fact_names: { args: { count: 'count' }, plural: 'count', en: { one: '$COUNT$ name', other: '$COUNT$ names' } },
  fact_numbers: { args: { count: 'count' }, plural: 'count', en: { one: '$COUNT$ number', other: '$COUNT$ numbers' } },
  fact_dates: { args: { count: 'count' }, plural: 'count', en: { one: '$COUNT$ date', other: '$COUNT$ dates' } },
  evidence_sharedPassages: {
    args: { count: 'count', ...SHARES },
    plural: 'count',
    en: {
      one: 'Shares $COUNT$ passage: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article, too little to be a version of it',
      other: 'Shares $COUNT$ passages: the shared text is $PAGE$ of this page and $SOURCE$ of the stored article, too little to be a version of it',
    },
  },
  evidence_stockPassages: {
    args: { count: 'count' },
    plural: 'count',
    en: { one: '$COUNT$ passage shares only wording that many stored articles use', other: '$COUNT$ passages share only wording that many stored articles use' },
  },
  evidence_unrelatedAligned: {
    args: { chars: 'count', topic: 'percent' },
    plural: 'chars',
    en: { one: 'Shares only $CHARS$ character of aligned text; topic similarity $TOPIC$', other: 'Shares only $CHARS$ characters of aligned text; topic similarity $TOPIC$' },
  },
  evidence_unrelatedNoPassages: { args: { topic: 'percent' }, en: 'No shared passages; topic similarity $TOPIC$' },
  evidence_unrelatedFewFacts: { args: {}, en: 'No shared passages and few shared facts' },
  evidence_publishedBefore: { args: { stored: 'day', page: 'day' }, en: 'The stored article was published $STORED$, before the page ($PAGE$)' },
  evidence_publishedAfter: { args: { stored: 'day', page: 'day' }, en: 'The stored article was published $STORED$, after the page ($PAGE$)' },
  evidence_firstSeenBefore: { args: { stored: 'day', page: 'day' }, en: 'The stored article was first seen $STORED$, before the page ($PAGE$)' },
  evidence_firstSeenAfter: { args: { stored: 'day', page: 'day' }, en: 'The stored article was first seen $STORED$, after the page ($PAGE$)' },
  evidence_earlierSameDay: { args: { time: 'time' }, en: 'The stored article is from earlier the same day ($TIME$)' },
  evidence_laterSameDay: { args: { time: 'time' }, en: 'The stored article is from later the same day ($TIME$)' },
  evidence_undatedFirstSeen: { args: { seen: 'day' }, en: 'Neither text gives a publication date; the stored article was first seen $SEEN$, before this page was checked' },
  evidence_throughCopy: {
    args: { version: 'excerpt' },
    en: 'Through “$VERSION$”: that version of this page is itself a copy of this stored article, which came before both',
  },
  evidence_undatedStored: { args: {}, en: 'Neither text is dated; the stored article was in your corpus before this page was checked' },
  evidence_pageContained: { args: SHARES, en: 'The page is contained in the stored article ($PAGE$ of the page is aligned, $SOURCE$ of the stored text)' },
  evidence_storedContained: { args: { source: 'percent', page: 'percent' }, en: 'The stored article is contained in the page ($SOURCE$ of it is aligned, $PAGE$ of the page)' },
  evidence_pageCapitalises: { args: { words: 'list' }, en: 'The page capitalises common words inside names ($WORDS$), a machine-translation trace' },
  evidence_storedCapitalises: { args: { words: 'list' }, en: 'The stored text capitalises common words inside names ($WORDS$), a machine-translation trace' },
  word_quoted: { args: { word: 'text' }, en: '“$WORD$”' },
  evidence_pageBrokenQuotes: { args: {}, en: 'The page has misplaced quote marks or broken sentences the stored text does not have' },
  evidence_storedBrokenQuotes: { args: {}, en: 'The stored text has misplaced quote marks or broken sentences the page does not have' },
  evidence_pageRepeatsGarble: { args: { first: 'description' }, en: 'The page repeats a garbled name where the stored text has distinct ones: $FIRST$' },
  evidence_pageRepeatsGarbles: { args: { first: 'description', second: 'description' }, en: 'The page repeats a garbled name where the stored text has distinct ones: $FIRST$; $SECOND$' },
  evidence_storedRepeatsGarble: { args: { first: 'description' }, en: 'The stored text repeats a garbled name where the page has distinct ones: $FIRST$' },
  evidence_storedRepeatsGarbles: { args: { first: 'description', second: 'description' }, en: 'The stored text repeats a garbled name where the page has distinct ones: $FIRST$; $SECOND$' },
  name_garbled: { args: { name: 'text', garbled: 'text' }, en: '“$NAME$” → “$GARBLED$”' },
  evidence_pageAddsCaption: { args: {}, en: 'The page adds a photo caption to the text' },
  evidence_signalsDisagree: { args: {}, en: 'The signals disagree about which version came first' },
  evidence_noOrderSignals: { args: {}, en: 'No dates or text traces show which version came first' },
  evidence_translator: { args: {}, en: 'Aligned through the on-device translator' },

  // ---------------------------------------------------------------- lineage: why a version has no place
  lineage_overBudget: { args: {}, en: 'Not compared with every earlier version it may come from, within the cost limit' },
  lineage_undated: { args: {}, en: 'Undated, and no version it came from could be told' },
  lineage_tied: { args: { first: 'text', second: 'text' }, en: 'As close to $SECOND$ as to $FIRST$: which one it came from cannot be told' },
  lineage_notACopy: { args: {}, en: 'Not a copy of any earlier version found' },
} as const satisfies Record<string, Entry>;

export type Catalogue = typeof CATALOGUE;
export type DescriptionCode = keyof Catalogue;

/** What each kind of value holds. */
export interface ArgValues {
  excerpt: string;
  text: string;
  language: string;
  count: number;
  percent: number;
  day: string;
  time: string;
  description: Description;
  list: Description[];
}

export type DescriptionArgs<C extends DescriptionCode> = { -readonly [K in keyof Catalogue[C]['args']]: ArgValues[Catalogue[C]['args'][K] & ArgKind] };

/** One sentence for a reader, without its words: a code and its values. */
export type Description = { [C in DescriptionCode]: { code: C; args: DescriptionArgs<C> } }[DescriptionCode];

export type DescriptionWithCode<C extends DescriptionCode> = Extract<Description, { code: C }>;

/** A description by code; the arguments are checked against the catalogue. */
export function descriptionOf<C extends DescriptionCode>(code: C, args: DescriptionArgs<C>): DescriptionWithCode<C> {
  return { code, args } as DescriptionWithCode<C>;
}

export function catalogueEntry(code: DescriptionCode): Entry {
  return CATALOGUE[code];
}

export function isDescriptionCode(code: unknown): code is DescriptionCode {
  return typeof code === 'string' && Object.hasOwn(CATALOGUE, code);
}
