import type { RuleOrigin } from '../../../shared/health/threshold-model';

/** Where a row's value comes from: built-in, default, office or queue, with the profile if any. */
export function InheritanceBadge({ origin, text, own }: { origin: RuleOrigin | null; text: string; own: boolean }) {
  const scope = origin?.scope ?? 'none';
  return (
    <span className={`badge badge-${scope}${own ? ' badge-own' : ''}`} data-testid="origin" data-scope={scope} data-profile={origin?.profile ?? ''}>
      {own ? `set here (${text})` : origin ? `from ${text}` : text}
    </span>
  );
}
