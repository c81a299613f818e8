import { describe, expect, it } from 'vitest';
import { gatewayAddresses, rotateGateways } from './gateway-addresses';

describe('several gateway addresses', () => {
  it('puts the page\'s own gateway first, then each valid http(s) origin of ?gateways= once', () => {
    expect(gatewayAddresses('http://gw-a:4310', '?gateways=http://gw-b:4310/,https://gw-c, ftp://x,not a url,http://gw-a:4310')).toEqual([
      'http://gw-a:4310',
      'http://gw-b:4310',
      'https://gw-c',
    ]);
    expect(gatewayAddresses('http://gw-a:4310', '?office=lisbon')).toEqual(['http://gw-a:4310']);
  });

  it('sends each reconnection attempt to the next address, round the list', () => {
    const listeners: Array<() => void> = [];
    const manager = { uri: 'http://gw-a:4310', on: (_event: 'reconnect_attempt', listener: () => void) => listeners.push(listener) };
    rotateGateways(manager, ['http://gw-a:4310', 'http://gw-b:4310', 'http://gw-c:4310']);
    const attempts = [1, 2, 3, 4].map(() => {
      listeners.forEach((listener) => listener());
      return manager.uri;
    });
    expect(attempts).toEqual(['http://gw-b:4310', 'http://gw-c:4310', 'http://gw-a:4310', 'http://gw-b:4310']);
  });

  it('leaves a screen with one address alone', () => {
    const manager = { uri: 'http://gw-a:4310', on: () => expect.unreachable('no listener for one address') };
    rotateGateways(manager, ['http://gw-a:4310']);
    expect(manager.uri).toBe('http://gw-a:4310');
  });
});
