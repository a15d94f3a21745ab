/** A drift item's or a match's wording as the engine gives it: the description and the same in English. */
import { descriptionOf, type Description, type DescriptionArgs, type DescriptionCode } from '../../../lib/wording/catalogue.ts';
import { inEnglish } from '../../../lib/wording/render.ts';

export function described<C extends DescriptionCode>(code: C, args: DescriptionArgs<C>): { description: Description; summary: string } {
  const description = descriptionOf(code, args);
  return { description, summary: inEnglish(description) };
}

export function reasonsOf(...reasons: Description[]): { reasons: Description[]; evidence: string[] } {
  return { reasons, evidence: reasons.map(inEnglish) };
}
