import { Webhook } from 'standardwebhooks';
import type { OutboundEvent } from '../outbound-event';

/**
 * The generic JSON body, in the Standard Webhooks shape: `type`, `timestamp` (ISO 8601) and `data`, the
 * event itself (server/notify/outbound-event.ts). Built once per event, so every retry sends the same bytes.
 */
export function jsonBody(event: OutboundEvent): string {
  return JSON.stringify({ type: `queueboard.${event.kind}`, timestamp: new Date(event.at).toISOString(), data: event });
}

/**
 * Standard Webhooks headers for one attempt: `webhook-id` is the event's id on every attempt (receivers drop
 * duplicates by it), `webhook-timestamp` the attempt's time in seconds, and `webhook-signature`
 * `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` with the secret: a replayed old request fails the
 * receiver's timestamp check (five minutes), a changed body or timestamp fails the signature.
 */
export function signedHeaders(secret: string, eventId: string, body: string, now: Date): Record<string, string> {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(eventId, now, body),
  };
}
