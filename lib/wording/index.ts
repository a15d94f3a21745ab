export { CATALOGUE, descriptionOf, isDescriptionCode, type Description, type DescriptionCode, type DescriptionArgs, type DescriptionWithCode, type ArgKind } from './catalogue';
export { render, inEnglish, excerpt, fillTemplate, languageName, ENGLISH, type Wording } from './render';
