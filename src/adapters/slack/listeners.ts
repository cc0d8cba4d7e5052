// The Bolt listeners, shared by HTTP and Socket Mode: /optout and /radar
// (parsed from Slack's text form by commands/), the "Share in channel" button,
// and the link buttons of alerts (which Slack also reports as actions).
import type { App } from '@slack/bolt';
import type { CommandContext, CommandServices, Reply } from '../../../commands/types.js';
import { findCommand, runTextCommand } from '../../../commands/index.js';
import { errorReply } from '../../../commands/reply.js';
import type { Button } from './blocks.js';
import { valueButton } from './blocks.js';
import { renderReply } from './reply-blocks.js';
import { cut, escapeMrkdwn } from './text.js';
import { ManagerCheck } from './permissions.js';
import { logger } from '../../log.js';

const log = logger.child({ module: 'slack' });

export const SHARE_ACTION = 'share_reply';
export const COMMANDS = ['/optout', '/radar'] as const;

export interface ListenerDeps {
  services: () => Promise<CommandServices>;
  managers: ManagerCheck;
  /** Label language for replies (ALERT_LANG). */
  lang?: string;
  /** Answers ready within this budget go in the ack; slower ones follow through response_url. */
  ackBudgetMs?: number;
}

/** A trailing "share" or "public" posts the answer in the channel instead of only to the caller. */
export function splitShare(text: string): { text: string; share: boolean } {
  const m = /^(.*?)\s*\b(share|public)\s*$/is.exec(text.trim());
  if (!m || /["“”]\s*$/.test(m[1] ?? '')) return { text: text.trim(), share: false };
  return { text: (m[1] ?? '').trim(), share: true };
}

function moduleFor(command: string, text: string) {
  const name = command.replace(/^\//, '').toLowerCase();
  return name === 'radar' ? findCommand('radar', text.trim().split(/\s+/, 1)[0] || 'help') : findCommand(name);
}

function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    void work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

const SLACK_ID = /^[UW][A-Z0-9]{2,20}$/;

export function registerListeners(app: App, deps: ListenerDeps): void {
  const run = async (command: string, text: string, userId: string, channelId: string): Promise<Reply> => {
    try {
      const mod = moduleFor(command, text);
      const ctx: CommandContext = {
        platform: 'slack',
        channelId,
        userId,
        // users.info only when the command needs it: most commands answer faster without it.
        isChannelManager: mod?.definition.managersOnly ? await deps.managers.isManager(userId) : false,
        ...(deps.lang ? { lang: deps.lang } : {}),
        services: await deps.services(),
      };
      return await runTextCommand(command, text, ctx);
    } catch (err) {
      log.error({ command, err: err instanceof Error ? err.message : String(err) }, 'slack command failed');
      return errorReply('Something went wrong on our side; nothing was changed. Try again in a minute.');
    }
  };

  const shareButton = (command: string, text: string, reply: Reply): Button | undefined => {
    if (reply.error || moduleFor(command, text)?.definition.managersOnly) return undefined;
    return valueButton('Share in channel', JSON.stringify({ c: command, t: text }), SHARE_ACTION);
  };

  for (const name of COMMANDS) {
    app.command(name, async ({ command, ack, respond }) => {
      const { text, share } = splitShare(command.text ?? '');
      const work = run(command.command, text, command.user_id, command.channel_id);
      const render = (reply: Reply) =>
        renderReply(reply, {
          inChannel: !reply.error && (share || reply.ephemeral === false),
          shareButton: shareButton(command.command, text, reply),
        });
      const early = await within(work, deps.ackBudgetMs ?? 2000);
      if (early) {
        await ack(render(early));
        return;
      }
      // Slow answer: ack now (Slack's 3 s), answer through response_url.
      await ack();
      await respond(render(await work));
    });
  }

  app.action(SHARE_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    let req: { c?: unknown; t?: unknown };
    try {
      req = JSON.parse(value) as { c?: unknown; t?: unknown };
    } catch {
      return;
    }
    const command = typeof req.c === 'string' && (COMMANDS as readonly string[]).includes(req.c) ? req.c : undefined;
    // Only read-only commands are offered for sharing; a crafted value cannot make the button change anything.
    if (!command || typeof req.t !== 'string' || moduleFor(command, req.t)?.definition.managersOnly) return;
    const userId = body.user.id;
    const channelId = ('channel' in body && body.channel?.id) || '';
    // Run again as the person who clicked, with their permissions.
    const reply = await run(command, req.t, userId, channelId);
    if (reply.error) {
      await respond({ ...renderReply(reply), replace_original: false });
      return;
    }
    // Our own mention of the person who shared; what they typed is escaped.
    const who = SLACK_ID.test(userId) ? `<@${userId}>` : 'someone';
    const prefix = `Shared by ${who}: ${escapeMrkdwn(cut(`${command} ${req.t}`, 200))}`;
    await respond({ ...renderReply(reply, { inChannel: true, prefix }), replace_original: false });
    await respond({ delete_original: true }).catch(() => undefined);
  });

  // Link buttons open their URL in the browser, but Slack still reports the
  // click; acking it keeps Slack from showing a warning next to the button.
  app.action(/^link:/, async ({ ack }) => {
    await ack();
  });
}
