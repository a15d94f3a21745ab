/**
 * The bulk import's native inflation of member-per-record WARC.gz files (extension/options/crawl/gzip-members.ts,
 * on Node's DecompressionStream): every member at its file offset, whatever bytes inside a member look like a
 * header, a damaged or cut file reported, and a file of one big member handed back to the streaming reader.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipMembers, NotMemberPerRecord } from '../../../extension/options/crawl/gzip-members.ts';
import { stepOf } from '../../../extension/options/crawl/steps.ts';
import { readWarcPages } from '../../../lib/import/warc.ts';
import { buildWarc, fixtureEntries } from '../../../scripts/build-warc-fixture.ts';

async function members(bytes: Uint8Array, start = 0): Promise<{ offset: number; text: string }[]> {
  const out: { offset: number; text: string }[] = [];
  for await (const member of gzipMembers(new Blob([bytes as Uint8Array<ArrayBuffer>]), start)) out.push({ offset: member.offset, text: new TextDecoder().decode(member.data) });
  return out;
}

describe('gzipMembers', () => {
  it('inflates each member at its offset, also when a member holds bytes that look like a gzip header', async () => {
    // Stored (level 0) members keep their input as is: the second carries a fake header inside.
    const second = Buffer.concat([Buffer.from('second '), Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from(' record')]);
    const parts = [gzipSync('first record'), gzipSync(second, { level: 0 }), gzipSync('third')];
    const file = Buffer.concat(parts);
    const got = await members(file);
    expect(got.map((member) => member.offset)).toEqual([0, parts[0].length, parts[0].length + parts[1].length]);
    expect(got.map((member) => member.text)).toEqual(['first record', new TextDecoder().decode(second), 'third']);
    expect((await members(file, parts[0].length)).map((member) => member.text)).toEqual(got.slice(1).map((member) => member.text));
  });

  it('reports a file cut inside its last member, and damage where no member starts', async () => {
    const whole = Buffer.concat([gzipSync('one'), gzipSync('two two two two')]);
    await expect(members(whole.subarray(0, whole.length - 5))).rejects.toThrow(/ends in the middle of the gzip member at byte \d+/);
    await expect(members(Buffer.concat([gzipSync('one'), Buffer.from('garbage')]))).rejects.toThrow(/ends in the middle|damaged/);
  });

  it('reads the committed-style archive record by record and turns its pages into import steps', async () => {
    const bytes = await buildWarc(fixtureEntries(), true);
    const steps = [];
    let recordNumber = 1;
    for await (const member of gzipMembers(new Blob([bytes as Uint8Array<ArrayBuffer>]), 0)) {
      for await (const item of readWarcPages([member.data], { firstRecordNumber: recordNumber })) steps.push(stepOf({ ...item, resume: { offset: member.offset, skip: 1 } }));
      recordNumber++;
    }
    expect(steps.filter((step) => step.record).map((step) => step.position)).toEqual([3, 5, 7, 9]);
    expect(steps.find((step) => step.position === 10)?.problem?.reason).toBe('no article found in the page');
    expect(steps.every((step) => step.resume?.skip === 1)).toBe(true);
  });

  it('hands a file of one large member back to the streaming reader', async () => {
    const big = gzipSync(Buffer.alloc(80 * 1024 * 1024, 'a'), { level: 0 });
    await expect(members(big)).rejects.toBeInstanceOf(NotMemberPerRecord);
  }, 60_000);
});
