import { hashKey } from '../ingest/ingest-keys';
import type { z } from 'zod';
import { CONFIG_VERSION, ConfiguredQueueSchema, GatewayConfigSchema, type GatewayConfig } from './config-schema';

// In-house teams in the walls' languages; the partners' names are their firms' and stay as they are.
const lisbonCare = { name: { en: 'Lisbon Care', pt: 'Apoio Lisboa', nl: 'Klantenservice Lissabon' }, kind: 'in-house' } as const;
const lisbonSocial = { name: { en: 'Social Care', pt: 'Redes Sociais', nl: 'Webcare Lissabon' }, kind: 'in-house' } as const;
const tagus = { name: 'Tagus Contact', kind: 'partner' } as const;
const amsterdamCare = { name: { en: 'Amsterdam Care', pt: 'Apoio Amesterdão', nl: 'Klantenservice Amsterdam' }, kind: 'in-house' } as const;
const rhine = { name: 'Rhine Support', kind: 'partner' } as const;
const amsterdamSocial = { name: { en: 'Social Desk', pt: 'Redes Sociais Amesterdão', nl: 'Webcare' }, kind: 'in-house' } as const;

/** Names in the walls' languages: a Lisbon wall in Portuguese reads "Email Espanha", an Amsterdam one "E-mail Spanje". */
const queues: Array<z.input<typeof ConfiguredQueueSchema>> = [
  { id: 'lis-email-pt', name: { en: 'Email Portugal', pt: 'Email Portugal', nl: 'E-mail Portugal' }, officeId: 'lisbon', channel: 'email', team: lisbonCare },
  { id: 'lis-chat-pt', name: { en: 'Chat Portugal', pt: 'Chat Portugal', nl: 'Chat Portugal' }, officeId: 'lisbon', channel: 'chat', team: lisbonCare },
  { id: 'lis-phone-pt', name: { en: 'Phone Portugal', pt: 'Telefone Portugal', nl: 'Telefoon Portugal' }, officeId: 'lisbon', channel: 'phone', team: lisbonCare },
  { id: 'lis-email-es', name: { en: 'Email Spain', pt: 'Email Espanha', nl: 'E-mail Spanje' }, officeId: 'lisbon', channel: 'email', team: tagus },
  { id: 'lis-trustpilot', name: { en: 'Trustpilot reviews', pt: 'Avaliações Trustpilot', nl: 'Trustpilot-reviews' }, officeId: 'lisbon', channel: 'trustpilot', team: lisbonSocial },
  { id: 'lis-facebook', name: 'Facebook', officeId: 'lisbon', channel: 'facebook', team: lisbonSocial },
  { id: 'lis-instagram', name: 'Instagram', officeId: 'lisbon', channel: 'instagram', team: tagus },
  { id: 'ams-email-nl', name: { en: 'Email Netherlands', pt: 'Email Países Baixos', nl: 'E-mail Nederland' }, officeId: 'amsterdam', channel: 'email', team: amsterdamCare },
  { id: 'ams-chat-nl', name: { en: 'Chat Netherlands', pt: 'Chat Países Baixos', nl: 'Chat Nederland' }, officeId: 'amsterdam', channel: 'chat', team: amsterdamCare },
  { id: 'ams-phone-nl', name: { en: 'Phone Netherlands', pt: 'Telefone Países Baixos', nl: 'Telefoon Nederland' }, officeId: 'amsterdam', channel: 'phone', team: amsterdamCare },
  { id: 'ams-email-de', name: { en: 'Email Germany', pt: 'Email Alemanha', nl: 'E-mail Duitsland' }, officeId: 'amsterdam', channel: 'email', team: rhine },
  { id: 'ams-chat-de', name: { en: 'Chat Germany', pt: 'Chat Alemanha', nl: 'Chat Duitsland' }, officeId: 'amsterdam', channel: 'chat', team: rhine },
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
      { id: 'lisbon', name: { en: 'Lisbon', pt: 'Lisboa', nl: 'Lissabon' }, timeZone: 'Europe/Lisbon', locale: 'pt-PT' },
      { id: 'amsterdam', name: { en: 'Amsterdam', pt: 'Amesterdão', nl: 'Amsterdam' }, timeZone: 'Europe/Amsterdam', locale: 'nl-NL' },
    ],
    queues,
    groups: [
      { id: 'social', name: 'Social media', channels: ['trustpilot', 'facebook', 'instagram', 'x', 'linkedin'], owners: ['Ana Costa'] },
      { id: 'partners', name: 'Partners', teams: [tagus.name, rhine.name], owners: ['Bram de Vries'] },
    ],
    demo: { seed, tickMs: 1000 },
    // Granted every demo queue by name, so the README's ingest examples move the demo's numbers.
    ingest: { keys: [{ sourceId: 'push', sha256: hashKey(DEMO_INGEST_KEY), queues: queues.map((q) => q.id) }] },
    auth: { anonymous: 'display', tokens: DEMO_TOKENS.map(({ token, name, role }) => ({ name, role, sha256: hashKey(token) })) },
  });
}
