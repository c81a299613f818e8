import { useTranslation } from 'react-i18next';
import type { RuleOrigin } from '../../../shared/health/threshold-model';

/** Where a row's value comes from: built-in, default, office or queue, with the profile if any. */
export function InheritanceBadge({ origin, text, own }: { origin: RuleOrigin | null; text: string; own: boolean }) {
  const { t } = useTranslation();
  const scope = origin?.scope ?? 'none';
  return (
    <span className={`badge badge-${scope}${own ? ' badge-own' : ''}`} data-testid="origin" data-scope={scope} data-profile={origin?.profile ?? ''}>
      {own ? t('settings.origin.setHere', { origin: text }) : origin ? t('settings.origin.from', { origin: text }) : text}
    </span>
  );
}
