import { useEffect, useState } from 'react';
import { gatewayNow } from '../feed/gateway-clock';

/** The current time, refreshed every `intervalMs`, corrected by the gateway's clock offset. */
export function useNow(intervalMs: number, offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(handle);
  }, [intervalMs]);
  return gatewayNow(now, offsetMs);
}
