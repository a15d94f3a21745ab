/**
 * The `chrome` global as seen by code the browser tests evaluate inside extension contexts (service worker,
 * extension pages): only the calls the tests make.
 */
declare const chrome: {
  tabs: { query(queryInfo: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: any; error?: string }> };
};
