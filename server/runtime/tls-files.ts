import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { SettingsError, type GatewaySettings } from './settings';

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
}

/**
 * Reads the certificate and key named by QUEUEBOARD_TLS_CERT and QUEUEBOARD_TLS_KEY and checks that they
 * are PEM and belong together, so a wrong file stops the gateway at start with the variable named, not
 * at the first screen's handshake.
 */
export function readTlsFiles(tls: NonNullable<GatewaySettings['tls']>, read: (path: string) => Buffer = readFileSync): TlsMaterial {
  const problems: string[] = [];
  const load = (variable: string, path: string, marker: RegExp, what: string): Buffer | null => {
    let content: Buffer;
    try {
      content = read(path);
    } catch (error) {
      problems.push(`${variable}=${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return null;
    }
    if (!marker.test(content.toString('latin1'))) problems.push(`${variable}=${path}: must be a PEM ${what} (a file with -----BEGIN ${what.toUpperCase()}-----)`);
    return content;
  };
  const cert = load('QUEUEBOARD_TLS_CERT', tls.certFile, /-----BEGIN CERTIFICATE-----/, 'certificate');
  const key = load('QUEUEBOARD_TLS_KEY', tls.keyFile, /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/, 'private key');
  if (problems.length > 0 || !cert || !key) throw new SettingsError(problems);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new SettingsError([`QUEUEBOARD_TLS_CERT and QUEUEBOARD_TLS_KEY: the key does not belong to the certificate or cannot be used (${(error as Error).message})`]);
  }
  return { cert, key };
}
