/**
 * The `chrome` global as seen by code the browser tests evaluate inside extension contexts (service worker,
 * extension pages): only the calls the tests make.
 */
declare const chrome: {
  tabs: { query(queryInfo: object): Promise<{ id?: number; url?: string }[]> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getPopup(details: { tabId?: number }): Promise<string>;
    getUserSettings(): Promise<{ isOnToolbar: boolean }>;
  };
  runtime: {
    sendMessage(message: unknown): Promise<{ ok: boolean; value?: any; error?: string }>;
    getContexts(filter: object): Promise<{ contextType: string; documentUrl?: string }[]>;
  };
  alarms: {
    get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
    create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void>;
  };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, any>> } };
};
