/**
 * Who can reach the gateway, in the words of its start line (issue 15). The built-in demo's tokens are
 * printed in the README, so the line says whether the demo is kept on this machine or open to the network.
 */
export function listenScope(host: string, builtInDemo: boolean): string {
  const loopback = host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  if (!builtInDemo) return host;
  if (loopback) return `${host} only: the built-in demo's tokens are public, so it is kept on this machine (set HOST=0.0.0.0 to let other machines connect)`;
  return `${host}, set by HOST: the built-in demo, whose tokens anyone can read in the README, is open to the network`;
}
