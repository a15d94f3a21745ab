import { describe, expect, it } from 'vitest';
import { isQuotaError, QUOTA_MESSAGE, withStorageErrors } from '../../../extension/background/storage-errors.ts';

describe('storage errors', () => {
  it('recognises a full quota however the database wraps it', () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    // Dexie: a transaction aborted because a write hit the quota.
    expect(isQuotaError({ name: 'AbortError', message: 'Transaction aborted', inner: { name: 'QuotaExceededError', message: '' } })).toBe(true);
    expect(isQuotaError(new Error('Transaction aborted for an unknown reason'))).toBe(false);
  });

  it('turns it into a message a reader can act on, and leaves other errors alone', async () => {
    await expect(withStorageErrors(() => Promise.reject(new DOMException('', 'QuotaExceededError')))).rejects.toThrow(QUOTA_MESSAGE);
    expect(QUOTA_MESSAGE).toMatch(/no room left.*Nothing was half-stored/);
    await expect(withStorageErrors(() => Promise.reject(new Error('other')))).rejects.toThrow('other');
    await expect(withStorageErrors(async () => 7)).resolves.toBe(7);
  });
});
