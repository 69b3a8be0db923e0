/**
 * Values Briefwire makes once and keeps with its data, such as the secret that signs its web
 * links: every replica on one database reads the same value.
 */
export interface SettingsStore {
  /**
   * The value stored under `key`; when there is none, `make()` is stored and returned. Two
   * processes asking at once get the same value (the first insert wins).
   */
  getOrCreate(key: string, make: () => string): Promise<string>;
}
