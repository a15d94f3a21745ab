/**
 * Messages of the bulk web-archive import's workers (extension/options/crawl): one reader decompresses and parses
 * the archive, extractors read the pages' articles side by side, and the options page puts their steps back in
 * file order and stores them. Sequence numbers give the order; the reader runs at most a window ahead of what the
 * page has stored, so memory stays bounded whatever the file's size.
 */
import type { ResumePoint, WarcPayloadItem } from '../../../lib/import/warc.ts';
import type { ImportStep } from '../importers.ts';

/** The page to the reader. */
export type ToReader =
  | {
      kind: 'start';
      file: File;
      /** Where to start reading and how many records there were handled already; null: from the start. */
      resume: ResumePoint | null;
      firstRecordNumber: number;
      /** One port to each extractor: pages go round them. */
      extractors: MessagePort[];
      /** Items the reader may send before the page acknowledges them. */
      window: number;
    }
  /** The page has taken every item up to this sequence number. */
  | { kind: 'ack'; upTo: number };

/** The reader to an extractor. */
export interface ToExtractor {
  seq: number;
  /** A page's bytes are decoded by the extractor, which has the time: the reader is the pipeline's narrow part. */
  item: WarcPayloadItem;
}

/** The reader to the page. */
export type FromReader =
  | { kind: 'done'; items: number }
  | { kind: 'failed'; message: string };

/** An extractor to the page: the import step for one item. */
export interface FromExtractor {
  seq: number;
  step: ImportStep;
}

export type { ResumePoint };
