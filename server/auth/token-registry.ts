import { createHash } from 'node:crypto';
import type { Role } from '../../shared/protocol/admin-protocol';

export interface TokenEntry {
  /** Recorded on everything done with the token (acknowledgements, threshold changes). */
  name: string;
  role: Role;
  /** sha256 of the token, hex: the gateway never stores the token itself. */
  sha256: string;
  /** A revoked token is refused as such, so its holder learns why rather than "unknown". */
  revoked?: boolean;
}

export type TokenCheck =
  | { ok: true; role: Role; name: string }
  | { ok: false; code: 'unauthorized' | 'bad-token' | 'revoked-token'; message: string };

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The credential in an Authorization header (the token of `Bearer <token>`, else the header as sent), for failure counting. */
export function presentedCredential(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? authorization;
}

/**
 * Resolves a presented token to a role and a name. Digests are looked up, never compared byte by byte, so
 * the time taken says nothing about how close a guess was.
 */
export class TokenRegistry {
  private readonly byDigest: ReadonlyMap<string, TokenEntry>;

  constructor(
    tokens: readonly TokenEntry[],
    /** The role of a connection without a token; null requires a token everywhere. */
    private readonly anonymousRole: Role | null,
  ) {
    this.byDigest = new Map(tokens.map((t) => [t.sha256.toLowerCase(), t]));
  }

  check(token: string | undefined): TokenCheck {
    if (token === undefined || token === '') {
      if (this.anonymousRole) return { ok: true, role: this.anonymousRole, name: `anonymous ${this.anonymousRole}` };
      return { ok: false, code: 'unauthorized', message: 'This gateway needs a token: set one in the app settings, or send Authorization: Bearer <token>.' };
    }
    const entry = this.byDigest.get(hashToken(token));
    if (!entry) return { ok: false, code: 'bad-token', message: 'Unknown token: check it in the app settings, or ask a manager for a new one.' };
    if (entry.revoked) return { ok: false, code: 'revoked-token', message: `The token of "${entry.name}" was revoked: ask a manager for a new one.` };
    return { ok: true, role: entry.role, name: entry.name };
  }

  /** Reads `Authorization: Bearer <token>`; no header counts as no token. */
  checkBearer(authorization: string | undefined): TokenCheck {
    if (authorization === undefined) return this.check(undefined);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? this.check(match[1]) : { ok: false, code: 'bad-token', message: 'Authorization must be "Bearer <token>".' };
  }
}
