import type { Queue } from '../../shared/model';
import { hashKey } from '../ingest/ingest-keys';
import { CONFIG_VERSION, GatewayConfigSchema, type GatewayConfig } from './config-schema';

const lisbonCare = { name: 'Lisbon Care', kind: 'in-house' } as const;
const lisbonSocial = { name: 'Social Care', kind: 'in-house' } as const;
const tagus = { name: 'Tagus Contact', kind: 'partner' } as const;
const amsterdamCare = { name: 'Amsterdam Care', kind: 'in-house' } as const;
const rhine = { name: 'Rhine Support', kind: 'partner' } as const;
const amsterdamSocial = { name: 'Social Desk', kind: 'in-house' } as const;

const queues: Queue[] = [
  { id: 'lis-email-pt', name: 'Email Portugal', officeId: 'lisbon', channel: 'email', team: lisbonCare },
  { id: 'lis-chat-pt', name: 'Chat Portugal', officeId: 'lisbon', channel: 'chat', team: lisbonCare },
  { id: 'lis-phone-pt', name: 'Phone Portugal', officeId: 'lisbon', channel: 'phone', team: lisbonCare },
  { id: 'lis-email-es', name: 'Email Spain', officeId: 'lisbon', channel: 'email', team: tagus },
  { id: 'lis-trustpilot', name: 'Trustpilot reviews', officeId: 'lisbon', channel: 'trustpilot', team: lisbonSocial },
  { id: 'lis-facebook', name: 'Facebook', officeId: 'lisbon', channel: 'facebook', team: lisbonSocial },
  { id: 'lis-instagram', name: 'Instagram', officeId: 'lisbon', channel: 'instagram', team: tagus },
  { id: 'ams-email-nl', name: 'Email Netherlands', officeId: 'amsterdam', channel: 'email', team: amsterdamCare },
  { id: 'ams-chat-nl', name: 'Chat Netherlands', officeId: 'amsterdam', channel: 'chat', team: amsterdamCare },
  { id: 'ams-phone-nl', name: 'Phone Netherlands', officeId: 'amsterdam', channel: 'phone', team: amsterdamCare },
  { id: 'ams-email-de', name: 'Email Germany', officeId: 'amsterdam', channel: 'email', team: rhine },
  { id: 'ams-chat-de', name: 'Chat Germany', officeId: 'amsterdam', channel: 'chat', team: rhine },
  { id: 'ams-x', name: 'X', officeId: 'amsterdam', channel: 'x', team: amsterdamSocial },
  { id: 'ams-linkedin', name: 'LinkedIn', officeId: 'amsterdam', channel: 'linkedin', team: amsterdamSocial },
];

/** Documented in the README so anyone can try the ingest API against the demo. Never use it in production. */
export const DEMO_INGEST_KEY = 'demo-ingest-key';

/**
 * One token per role for the demo, documented in the README. Never use them outside the demo: anyone who
 * has read the README holds them.
 */
export const DEMO_TOKENS = [
  { token: 'demo-display-token', name: 'Lisbon floor screen', role: 'display' },
  { token: 'demo-lead-token', name: 'Ana Costa', role: 'lead' },
  { token: 'demo-lead-2-token', name: 'Bram de Vries', role: 'lead' },
  { token: 'demo-manager-token', name: 'Marta Silva', role: 'manager' },
] as const;

/** The built-in demo: what the gateway runs when no QUEUEBOARD_CONFIG is given. */
export function demoConfig(seed = 1): GatewayConfig {
  return GatewayConfigSchema.parse({
    version: CONFIG_VERSION,
    offices: [
      { id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' },
      { id: 'amsterdam', name: 'Amsterdam', timeZone: 'Europe/Amsterdam', locale: 'nl-NL' },
    ],
    queues,
    groups: [
      { id: 'social', name: 'Social media', channels: ['trustpilot', 'facebook', 'instagram', 'x', 'linkedin'] },
      { id: 'partners', name: 'Partners', teams: [tagus.name, rhine.name] },
    ],
    demo: { seed, tickMs: 1000 },
    // Granted every demo queue by name, so the README's ingest examples move the demo's numbers.
    ingest: { keys: [{ sourceId: 'push', sha256: hashKey(DEMO_INGEST_KEY), queues: queues.map((q) => q.id) }] },
    auth: { anonymous: 'display', tokens: DEMO_TOKENS.map(({ token, name, role }) => ({ name, role, sha256: hashKey(token) })) },
  });
}
