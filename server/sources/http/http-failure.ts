/** Why a request to a helpdesk did not give usable data: typed, so callers decide without parsing messages. */
export type HttpFailure =
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'network'; readonly message: string }
  /** detail: the helpdesk's own words for the error, where its answer gave them. */
  | { readonly kind: 'status'; readonly status: number; readonly detail?: string }
  | { readonly kind: 'rate-limited'; readonly retryAt: number }
  | { readonly kind: 'malformed'; readonly message: string }
  | { readonly kind: 'unexpected'; readonly issues: readonly string[] }
  | { readonly kind: 'refused-url'; readonly url: string }
  | { readonly kind: 'stopped' };

export class HttpFailureError extends Error {
  constructor(
    readonly failure: HttpFailure,
    readonly label: string,
  ) {
    super(`${label} ${describeFailure(failure)}`);
    this.name = 'HttpFailureError';
  }
}

/** A short phrase a person can act on, to follow the helpdesk's name: "Zendesk answered 503". */
export function describeFailure(failure: HttpFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return `did not answer within ${formatMs(failure.ms)}`;
    case 'network':
      return `could not be reached (${failure.message})`;
    case 'status':
      if (failure.status === 401 || failure.status === 403) return `refused the credentials (${failure.status}${saying(failure.detail)}): check the token and its permissions`;
      return `answered ${failure.status}${saying(failure.detail)}`;
    case 'rate-limited':
      return 'kept answering 429 (rate limited)';
    case 'malformed':
      return 'answered with a body that is not JSON';
    case 'unexpected':
      return `answered JSON of an unexpected shape (${failure.issues.slice(0, 3).join('; ')})`;
    case 'refused-url':
      return `pointed to another host, not followed (${failure.url})`;
    case 'stopped':
      return 'was not asked: the source was stopped';
  }
}

/** Failures that retrying will not fix until someone changes the configuration or the token. */
export function isCredentialFailure(failure: HttpFailure): boolean {
  return failure.kind === 'status' && (failure.status === 401 || failure.status === 403);
}

function saying(detail: string | undefined): string {
  return detail ? `: “${detail}”` : '';
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
