// Slack Web API failures in the core's terms (delivery/port.ts), so delivery
// knows whether to retry later, pause the channel, or log a bug.
import { DeliveryError } from '../../delivery/port.js';

// Errors Slack returns with ok:false, grouped by what the bot should do.
const RETRY = new Set(['ratelimited', 'rate_limited', 'service_unavailable', 'internal_error', 'fatal_error', 'request_timeout', 'team_added_to_org']);
const CHANNEL = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  'not_allowed_token_type',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'cannot_reply_to_message',
  'ekm_access_denied',
  'access_denied',
  'no_permission',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'team_access_not_granted',
  'org_login_required',
  'channel_is_archived',
]);
// Everything else with ok:false (invalid_blocks, msg_too_long, no_text,
// invalid_arguments, invalid_metadata_format, message_not_found, cant_update_message …)
// means our request was wrong: retrying it would fail the same way.

interface SlackishError {
  code?: string;
  message?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

export function toDeliveryError(err: unknown, what: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as SlackishError;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return new DeliveryError(`${what}: rate limited by Slack`, 'retry', Math.max(1, e.retryAfter ?? 1) * 1000, 429);
    case 'slack_webapi_request_error':
      return new DeliveryError(`${what}: network error talking to Slack (${e.message ?? 'unknown'})`, 'retry');
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      const kind = status >= 500 || status === 408 ? 'retry' : status === 401 || status === 403 || status === 404 ? 'channel' : 'payload';
      return new DeliveryError(`${what}: Slack answered HTTP ${status}`, kind, undefined, status);
    }
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      const kind = RETRY.has(code) ? 'retry' : CHANNEL.has(code) ? 'channel' : 'payload';
      return new DeliveryError(`${what}: Slack refused it (${code})`, kind);
    }
    default: {
      // The web client wraps a 429 it retried itself in a plain Error once its retries run out.
      const m = /retry-after:\s*(\d+)/i.exec(e.message ?? '');
      if (m) return new DeliveryError(`${what}: rate limited by Slack`, 'retry', Number(m[1]) * 1000, 429);
      return new DeliveryError(`${what}: ${e.message ?? String(err)}`, 'retry');
    }
  }
}

/** The Slack error code of a web-api error (e.g. "channel_not_found"), if any. */
export function slackErrorCode(err: unknown): string | undefined {
  return (err as SlackishError | undefined)?.data?.error;
}
