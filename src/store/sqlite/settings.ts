import type { SettingsStore } from '../ports/settings.ts';
import type { SqliteConnection } from './connection.ts';

export function createSqliteSettings(c: SqliteConnection): SettingsStore {
  return {
    async getOrCreate(key, make) {
      return c.guard(() => {
        c.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
        ).run(key, make());
        const row = c.prepare('SELECT value FROM settings WHERE key = ?').get(key) as {
          value: string;
        };
        return row.value;
      });
    },
  };
}
