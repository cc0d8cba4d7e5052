// Who is a channel manager on Slack (SPEC §4): workspace admins and owners
// (users.info), or users listed in SLACK_ADMIN_USERS. Answers are cached for a
// while so repeated commands do not call users.info each time.
import type { webApi } from '@slack/bolt';
import { logger } from '../../log.js';

const log = logger.child({ module: 'slack' });

export class ManagerCheck {
  private readonly cache = new Map<string, { value: boolean; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly configured: string[],
    private readonly ttlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async isManager(userId: string): Promise<boolean> {
    if (this.configured.includes(userId)) return true;
    const hit = this.cache.get(userId);
    if (hit && hit.until > this.now()) return hit.value;
    try {
      const res = await this.client.users.info({ user: userId });
      const u = res.user;
      const value = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
      this.cache.set(userId, { value, until: this.now() + this.ttlMs });
      return value;
    } catch (err) {
      // Unknown means no: a failed lookup never grants rights.
      log.warn({ userId, err: err instanceof Error ? err.message : String(err) }, 'users.info failed; treating the user as not a channel manager');
      return false;
    }
  }
}
