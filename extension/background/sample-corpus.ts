/** The sample corpus shipped inside the extension: the five seed reports of one story. */
import sampleCorpusJsonl from '../../assets/seed-corpus.jsonl?raw';
import { parseCorpus, type ParsedCorpus } from '../../lib/corpus/jsonl.ts';

export function readSampleCorpus(): ParsedCorpus {
  return parseCorpus(sampleCorpusJsonl);
}
