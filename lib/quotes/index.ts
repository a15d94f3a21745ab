export { quotesAcrossVersions, speakerOf, type QuoteOccurrence, type QuoteSourceText, type QuoteTrail } from './across';
