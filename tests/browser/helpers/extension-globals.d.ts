/**
 * The `chrome` global as seen by code the browser tests evaluate inside extension contexts (service worker,
 * extension pages): only the calls the tests make. Requests to the background are typed by the extension's own
 * protocol, so a test asks exactly what the popup and the options page may ask.
 */
type Protocol = import('../../../extension/shared/protocol.ts').BackgroundProtocol;

declare const chrome: {
  tabs: { query(queryInfo: object): Promise<{ id?: number; url?: string }[]> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getPopup(details: { tabId?: number }): Promise<string>;
    getUserSettings(): Promise<{ isOnToolbar: boolean }>;
  };
  runtime: {
    sendMessage<K extends keyof Protocol>(message: {
      channel: 'palimpsest/1';
      type: K;
      request: Protocol[K]['request'];
    }): Promise<import('../../../extension/shared/protocol.ts').Reply<Protocol[K]['response']>>;
    getContexts(filter: object): Promise<{ contextType: string; documentUrl?: string }[]>;
  };
  alarms: {
    get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
    create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void>;
  };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  i18n: { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };
};
