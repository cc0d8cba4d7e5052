// The console adapter: alerts rendered as plain text on a stream (stdout by
// default). Used when no Slack/Discord credentials are set, and by --dry-run.
import type { Writable } from 'node:stream';
import type { Alert } from '../../domain.js';
import type { AlertSink, PostResult } from '../../delivery/port.js';
import { renderAlertText } from './render.js';

export class ConsoleSink implements AlertSink {
  readonly platform = 'console' as const;
  private counter = 0;
  constructor(private readonly out: Writable = process.stdout) {}
  alertChannels(): string[] {
    return ['console'];
  }
  async post(_channelId: string, alert: Alert): Promise<PostResult> {
    this.out.write(`${renderAlertText(alert)}\n\n`);
    return { messageId: `console-${Date.now()}-${++this.counter}` };
  }
  async update(_channelId: string, _messageId: string, alert: Alert): Promise<void> {
    this.out.write(`[update: story ${alert.storyId} has new sources]\n${renderAlertText(alert)}\n\n`);
  }
}
