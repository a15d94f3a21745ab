/**
 * Reading a corpus JSONL file for import: the line format is the command line's (lib/corpus/jsonl.ts), read from
 * bytes so every record knows the byte offset where the next line starts. Correction lines come out as corrections.
 * A bad line becomes a problem with its line number; the good lines are kept.
 */
import { parseCorpusLine } from '../corpus/jsonl';
import type { CorpusRecord, Correction } from '../types';
import { ByteLineSplitter, DEFAULT_MAX_LINE_BYTES, type ByteLine, type ByteLineOptions } from './lines';
import { recordTextTooLarge } from './record-limit';

export { MAX_RECORD_TEXT_CHARS } from './record-limit';

export type JsonlImportItem =
  | { kind: 'record'; record: CorpusRecord; line: number; end: number }
  | { kind: 'correction'; correction: Correction; line: number; end: number }
  | { kind: 'problem'; line: number; end: number; reason: string };

export async function* readJsonlRecords(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ByteLineOptions = {},
): AsyncGenerator<JsonlImportItem> {
  const splitter = new ByteLineSplitter(options);
  const firstLineOf = new Map<string, number>();
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;

  function* itemsOf(lines: ByteLine[]): Generator<JsonlImportItem> {
    for (const line of lines) {
      if ('tooLong' in line) {
        yield { kind: 'problem', line: line.line, end: line.end, reason: `line longer than ${maxLineBytes} bytes` };
        continue;
      }
      if (line.text.trim() === '') continue;
      const parsed = parseCorpusLine(line.text, line.line);
      if ('error' in parsed) {
        yield { kind: 'problem', line: line.line, end: line.end, reason: parsed.error.reason };
        continue;
      }
      if ('correction' in parsed) {
        yield { kind: 'correction', correction: parsed.correction, line: line.line, end: line.end };
        continue;
      }
      const tooLarge = recordTextTooLarge(parsed.record.text);
      if (tooLarge) {
        yield { kind: 'problem', line: line.line, end: line.end, reason: tooLarge };
        continue;
      }
      const first = firstLineOf.get(parsed.record.id);
      if (first !== undefined) {
        yield { kind: 'problem', line: line.line, end: line.end, reason: `duplicate id ${JSON.stringify(parsed.record.id)} (first on line ${first})` };
        continue;
      }
      firstLineOf.set(parsed.record.id, line.line);
      yield { kind: 'record', record: parsed.record, line: line.line, end: line.end };
    }
  }

  for await (const chunk of chunks) yield* itemsOf(splitter.push(chunk));
  yield* itemsOf(splitter.end());
}
