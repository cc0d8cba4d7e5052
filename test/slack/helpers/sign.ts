// Requests signed exactly as Slack signs them: HMAC-SHA256 over
// "v0:<timestamp>:<raw body>" with the signing secret, hex, prefixed "v0=".
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  status: number;
  text: string;
  json?: Record<string, unknown>;
}

/** POSTs a form body to the bot as Slack would; `ageSeconds` makes a stale request, `badSecret` a forged one. */
export async function postSigned(
  url: string,
  fields: Record<string, string>,
  opts: { secret: string; ageSeconds?: number; badSecret?: string; omitSignature?: boolean },
): Promise<SignedPost> {
  const body = new URLSearchParams(fields).toString();
  const ts = String(Math.floor(Date.now() / 1000) - (opts.ageSeconds ?? 0));
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts };
  if (!opts.omitSignature) headers['x-slack-signature'] = slackSignature(opts.badSecret ?? opts.secret, ts, body);
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, ...(json ? { json } : {}) };
}

/** The form fields of a slash command, as Slack sends them. */
export function slashCommand(command: string, text: string, extra: Partial<Record<string, string>> = {}): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'fake',
    channel_id: 'C0CHAN',
    channel_name: 'privacy',
    user_id: 'U0USER',
    user_name: 'someone',
    command,
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: 'http://127.0.0.1:1/unused',
    trigger_id: '1.2.abc',
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  } as Record<string, string>;
}
