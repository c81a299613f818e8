import { hashKey } from '../ingest/ingest-keys';
import type { GatewayConfig } from './config-schema';
import { DEMO_INGEST_KEY, DEMO_TOKENS } from './demo-config';

// The demo's tokens and ingest key are printed in the README, so anyone holds them. A configuration
// file is a real floor: it may not reuse them (issue 15). Compared by digest, as the file stores them.
const DEMO_DIGESTS = new Map<string, string>([
  ...DEMO_TOKENS.map(({ token, role }) => [hashKey(token), `the built-in demo's ${role} token "${token}"`] as const),
  [hashKey(DEMO_INGEST_KEY), `the built-in demo's ingest key "${DEMO_INGEST_KEY}"`],
]);

/** Every token or ingest key in a configuration file that is one of the demo's, naming the field. */
export function demoCredentialProblems(config: GatewayConfig): string[] {
  const entries = [
    ...config.auth.tokens.map((t, i) => ({ field: `auth.tokens[${i}].sha256`, sha256: t.sha256, what: 'token' })),
    ...config.ingest.keys.map((k, i) => ({ field: `ingest.keys[${i}].sha256`, sha256: k.sha256, what: 'key' })),
  ];
  return entries.flatMap(({ field, sha256, what }) => {
    const demo = DEMO_DIGESTS.get(sha256);
    return demo ? [`${field}: is the sha256 of ${demo}, which the README prints for anyone to read; make a ${what} of your own (e.g. openssl rand -hex 32)`] : [];
  });
}
