/** Slack: the Bolt-based chat adapter (HTTP or Socket Mode). */
export {
  createSlackAdapter,
  type RetryConfig,
  type SlackAdapter,
  type SlackAdapterOptions,
} from './adapter.ts';
