/**
 * Language codes: a tag's primary subtag and franc's ISO 639-3 codes in ISO 639-1. The language of a text as
 * alignment reads it, guessed by franc when there is no tag, is lib/text/language-guess.ts: the content script leaves
 * franc out of its bundle (extension/content/no-franc.ts), and reads this module.
 */

/** A language tag's primary subtag, lower case ("en-GB", "EN_gb" -> "en"); "" when there is none. */
export function primarySubtag(tag: string | undefined): string {
  return (tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
}

/** ISO 639-3 codes that franc-min can return, mapped to ISO 639-1 where one exists. */
export const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  afr: 'af', amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', ckb: 'ku',
  cmn: 'zh', deu: 'de', ell: 'el', eng: 'en', fra: 'fr', fuv: 'ff', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr',
  hun: 'hu', ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', kor: 'ko',
  lin: 'ln', mal: 'ml', mar: 'mr', mya: 'my', npi: 'ne', nld: 'nl', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa',
  plt: 'mg', pol: 'pl', por: 'pt', qug: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so', spa: 'es',
  srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk',
  urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zul: 'zu', zyb: 'za',
};
