import { beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/translator';
import { createDeskServices } from './desk-services';

beforeEach(() => window.localStorage.clear());

describe('createDeskServices', () => {
  it('in a browser: pins in localStorage, browser notifications with a permission, no tray', () => {
    const services = createDeskServices(window);
    expect(services.permission).not.toBeNull();
    expect(services.setTrayStatus).toBeNull();
    expect(services.togglePinWindow).toBeNull();
    services.pins.set({ kind: 'queue', id: 'lis-chat' }, true);
    expect(window.localStorage.getItem('queueboard.pins')).toBe('[{"kind":"queue","id":"lis-chat"}]');
  });

  it('in the app: uses the bridge’s verbs where it has them', async () => {
    const calls: string[] = [];
    let focusFromApp: ((queueId: string) => void) | null = null;
    const bridge = {
      getLaunchOptions: async () => ({}),
      getPins: async () => ({ pins: [], notice: null }),
      setPinned: async () => ({ pins: [{ kind: 'queue' as const, id: 'x' }], notice: null }),
      onPinsChanged: () => () => undefined,
      notifyTransitions: async () => void calls.push('notify'),
      setTrayStatus: async () => void calls.push('tray'),
      onFocusQueue: (listener: (queueId: string) => void) => {
        focusFromApp = listener;
        return () => (focusFromApp = null);
      },
      togglePinWindow: async () => {
        calls.push('pin window');
        return { visible: true };
      },
    };
    const win = Object.assign(Object.create(window) as Window, { queueboard: bridge, localStorage: window.localStorage });
    const services = createDeskServices(win);
    expect(services.permission).toBeNull();
    services.setTrayStatus?.({ worst: 'ok', counts: { ok: 1, warning: 0, critical: 0, stale: 0, 'no-data': 0 } });
    services.notifier.notify([{ alertId: 'a', queueId: 'q', queueName: 'Q', officeName: 'O', kind: 'threshold', level: 'critical', metricLabel: 'Backlog', valueText: '1', projectedMinutes: null, at: 1 }], createTranslator('en'));
    services.pins.set({ kind: 'queue', id: 'x' }, true);
    services.togglePinWindow?.();
    await Promise.resolve();
    expect(calls).toEqual(['tray', 'notify', 'pin window']);
    const focused: string[] = [];
    const stop = services.onFocusQueue((queueId) => focused.push(queueId));
    focusFromApp!('lis-chat');
    expect(focused).toEqual(['lis-chat']);
    stop();
    expect(focusFromApp).toBeNull();
    expect(window.localStorage.getItem('queueboard.pins')).toBeNull();
  });

  it('keeps what went wrong with the app as words to be put in the lead\'s language', async () => {
    const bridge = { setTrayStatus: async () => Promise.reject(new Error('no tray')) };
    const win = Object.assign(Object.create(window) as Window, { queueboard: bridge, localStorage: window.localStorage });
    const services = createDeskServices(win);
    services.setTrayStatus?.({ worst: 'ok', counts: { ok: 1, warning: 0, critical: 0, stale: 0, 'no-data': 0 } });
    await new Promise((settled) => setTimeout(settled, 0));
    const problem = services.problems.get();
    expect(problem).toEqual({ key: 'main.problem.tray', params: { error: 'Error: no tray' } });
    expect(createTranslator('pt').say(problem!)).toBe('Não foi possível atualizar o ícone na área de notificação: Error: no tray');
  });
});
