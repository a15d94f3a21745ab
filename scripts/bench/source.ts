/** Reading the Reuters-21578 stories from ../shared (research-licensed: read in place, never copied). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SourceStory } from './corpus.ts';

export function reutersPath(repoRoot: string): string {
  return path.join(path.resolve(repoRoot, '..', 'shared'), 'corpora', 'reuters21578.jsonl.gz');
}

/** The stories in file order, or null when the data is not on this machine. */
export function readReuters(file: string): SourceStory[] | null {
  if (!existsSync(file)) return null;
  const stories: SourceStory[] = [];
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const story = JSON.parse(line) as SourceStory;
    if (typeof story.id === 'string' && typeof story.text === 'string' && story.text.trim()) stories.push(story);
  }
  return stories;
}
