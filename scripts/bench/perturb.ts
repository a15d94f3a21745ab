/**
 * Word-level rewriting of a story, in the spirit of PAN's "random obfuscation": words swapped for words of other
 * stories, words dropped and inserted, short runs shuffled, sentences dropped or swapped, numbers changed. There is
 * no thesaurus offline, so the result reads worse than a human rewrite; retrieval sees what matters: how much of
 * the wording survives.
 */
import { randomInt } from './random.ts';

export type Strength = 'edited' | 'rewritten';

interface Recipe {
  /** Per word. */
  replace: number;
  remove: number;
  insert: number;
  /** Per run of three words: the run is shuffled. */
  shuffle: number;
  /** Per number. */
  changeNumber: number;
  /** Per sentence. */
  dropSentence: number;
  swapSentences: number;
}

/** "edited": a quiet edit of a few words and a figure. "rewritten": a heavy rewording of the whole story. */
export const RECIPES: Record<Strength, Recipe> = {
  edited: { replace: 0.08, remove: 0.02, insert: 0.02, shuffle: 0, changeNumber: 0.3, dropSentence: 0.05, swapSentences: 0 },
  rewritten: { replace: 0.28, remove: 0.08, insert: 0.06, shuffle: 0.25, changeNumber: 0.5, dropSentence: 0.15, swapSentences: 0.2 },
};

const NUMBER = /^(\D*?)(\d[\d,]*(?:\.\d+)?)(\D*)$/;
const SENTENCE_BREAK = /(?<=[.!?]["')]?)\s+(?=["'(A-Z0-9])/;
const PARAGRAPH_BREAK = /\n\s*\n|\n(?=[ \t]{2,})/;

export function paragraphsOf(text: string): string[] {
  return text
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(SENTENCE_BREAK).filter((sentence) => sentence.length > 0);
}

function changeNumber(token: string, random: () => number): string {
  const match = NUMBER.exec(token);
  if (!match) return token;
  const [, before, digits, after] = match;
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value)) return token;
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  let changed = value * (0.5 + random());
  if (decimals === 0) changed = Math.round(changed) === value ? value + randomInt(random, 1, 9) : Math.round(changed);
  const written = changed.toFixed(decimals);
  return before + (digits.includes(',') ? Number(written).toLocaleString('en-US', { minimumFractionDigits: decimals }) : written) + after;
}

/** A word of another story in place of `token`, keeping the token's capital and trailing punctuation. */
function replacement(token: string, vocabulary: readonly string[], random: () => number): string {
  const word = vocabulary[Math.floor(random() * vocabulary.length)];
  const trailing = /[^\p{L}\p{N}]*$/u.exec(token)?.[0] ?? '';
  const capital = /^\p{Lu}/u.test(token) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  return capital + trailing;
}

function rewordSentence(sentence: string, recipe: Recipe, vocabulary: readonly string[], random: () => number): string {
  const out: string[] = [];
  for (const token of sentence.split(' ')) {
    if (NUMBER.test(token)) {
      out.push(random() < recipe.changeNumber ? changeNumber(token, random) : token);
      continue;
    }
    const roll = random();
    if (roll < recipe.remove) continue;
    out.push(roll < recipe.remove + recipe.replace ? replacement(token, vocabulary, random) : token);
    if (random() < recipe.insert) out.push(vocabulary[Math.floor(random() * vocabulary.length)]);
  }
  for (let start = 0; start + 3 <= out.length; start += 3) {
    if (random() >= recipe.shuffle) continue;
    const run = out.slice(start, start + 3);
    for (let i = run.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [run[i], run[j]] = [run[j], run[i]];
    }
    out.splice(start, 3, ...run);
  }
  return out.join(' ');
}

/** A perturbed copy of `text`; never identical to it, never empty. */
export function perturbText(text: string, strength: Strength, vocabulary: readonly string[], random: () => number): string {
  const recipe = RECIPES[strength];
  const paragraphs = paragraphsOf(text).map(sentencesOf);
  const sentenceCount = paragraphs.reduce((sum, sentences) => sum + sentences.length, 0);
  let dropped = 0;
  const rewritten = paragraphs
    .map((sentences) => {
      const kept = sentences.filter(() => {
        // Keep at least half of the story: a copy that lost most of its text is a different test.
        const drop = random() < recipe.dropSentence && (dropped + 1) * 2 <= sentenceCount - 1;
        if (drop) dropped++;
        return !drop;
      });
      for (let i = 0; i + 1 < kept.length; i++) {
        if (random() < recipe.swapSentences) [kept[i], kept[i + 1]] = [kept[i + 1], kept[i]];
      }
      return kept.map((sentence) => rewordSentence(sentence, recipe, vocabulary, random)).filter(Boolean).join(' ');
    })
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
  if (rewritten.length > 0 && rewritten !== paragraphsOf(text).join('\n\n')) return rewritten;
  // Too short to have been changed by chance: change one word for certain.
  const words = (rewritten || text.replace(/\s+/g, ' ').trim()).split(' ');
  const at = Math.floor(random() * words.length);
  words[at] = replacement(words[at], vocabulary, random);
  return words.join(' ');
}
