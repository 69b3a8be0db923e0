/** What the Slack adapter needs (`Config.slack`, read from SLACK_* by src/config.ts). */
export interface SlackSettings {
  botToken: string;
  /** HTTP mode: requests at POST /slack/events are checked against it. */
  signingSecret: string | null;
  /** Socket Mode: an app-level token (xapp-…). */
  appToken: string | null;
  /** Web API base URL (GovSlack, proxies, tests); null for Slack's own. */
  apiUrl: string | null;
  port: number;
  /** User ids allowed to change subscriptions besides workspace admins. */
  managers: string[];
}
