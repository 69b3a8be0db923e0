import type { SettingsStore } from '../ports/settings.ts';
import type { PostgresConnection } from './connection.ts';

export function createPostgresSettings(c: PostgresConnection): SettingsStore {
  return {
    async getOrCreate(key, make) {
      await c.query(
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
        [key, make()],
      );
      const [row] = await c.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
        key,
      ]);
      if (!row) throw new Error(`setting ${key} was not stored`);
      return row.value;
    },
  };
}
