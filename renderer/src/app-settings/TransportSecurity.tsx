import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { insecureGatewayReason } from '../../../shared/ipc/app-settings';

/**
 * The gateway field's problem under the transport rule main applies (shared/ipc/app-settings.ts): plain
 * http:// off this machine needs allowInsecure. Empty when the address may carry the token.
 */
export function transportProblem(t: TFunction, gatewayUrl: string, allowInsecure: boolean): { gatewayUrl?: string } {
  return insecureGatewayReason(gatewayUrl, allowInsecure) ? { gatewayUrl: t('appSettingsSecurity.insecureRefused') } : {};
}

/** Shown for as long as settings.json has allowInsecure on, saying what it costs with this address. */
export function InsecureGatewayWarning({ gatewayUrl, allowInsecure }: { gatewayUrl: string; allowInsecure: boolean }) {
  const { t } = useTranslation();
  if (!allowInsecure) return null;
  const inClear = insecureGatewayReason(gatewayUrl, false) !== null;
  return (
    <p className="desk-banner desk-banner-warning" role="alert" data-testid="insecure-gateway-warning">
      {inClear ? t('appSettingsSecurity.insecureInUse', { url: gatewayUrl }) : t('appSettingsSecurity.insecureAllowed')}
    </p>
  );
}
