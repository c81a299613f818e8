import { describe, expect, it } from 'vitest';
import { createTranslator, type Language } from '../../../shared/i18n/translator';
import type { TrayStatus, TrayStatusLevel } from '../../../shared/ipc/desk-contract';
import { badgeText, DeskTray, describeTray, PAUSE_ONE_HOUR_MS, type TrayLike, type TrayMenuItem } from './desk-tray';

class FakeTray implements TrayLike<string, TrayMenuItem[]> {
  readonly calls: string[] = [];
  image = '';
  toolTip = '';
  title = '';
  menu: TrayMenuItem[] = [];
  clickListener: (() => void) | null = null;
  setImage(image: string) {
    this.calls.push(`image ${image}`);
    this.image = image;
  }
  setToolTip(toolTip: string) {
    this.toolTip = toolTip;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setContextMenu(menu: TrayMenuItem[]) {
    this.calls.push('menu');
    this.menu = menu;
  }
  on(_event: 'click', listener: () => void) {
    this.clickListener = listener;
  }
}

const counts = (c: Partial<TrayStatus['counts']>): TrayStatus['counts'] => ({ ok: 0, warning: 0, critical: 0, stale: 0, 'no-data': 0, ...c });

function setUp(platform = 'linux', language: Language = 'en') {
  const actions: string[] = [];
  let tray: FakeTray | null = null;
  const deskTray = new DeskTray<string, TrayMenuItem[]>({
    createTray: (image) => {
      tray = new FakeTray();
      tray.image = image;
      return tray;
    },
    createImage: (status: TrayStatusLevel) => `icon-${status}`,
    buildMenu: (template) => template,
    platform,
    formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
    translator: createTranslator(language),
    actions: {
      openDesk: () => actions.push('open'),
      setPinWindowVisible: (visible) => actions.push(`pin window ${visible}`),
      pauseFor: (ms) => actions.push(`pause ${ms}`),
      resume: () => actions.push('resume'),
      quit: () => actions.push('quit'),
    },
  });
  const item = (label: string) => tray!.menu.find((i) => i.label === label);
  return { deskTray, tray: tray! as FakeTray, actions, item };
}

describe('DeskTray', () => {
  it('starts with the no-data icon and the menu: Open, Show pin window, Pause notifications, Quit', () => {
    const { tray } = setUp();
    expect(tray.image).toBe('icon-no-data');
    expect(tray.toolTip).toBe('Queueboard — no pinned queues');
    expect(tray.menu.map((i) => i.label ?? `(${i.type})`)).toEqual([
      'Open Queueboard',
      'Show pin window',
      'Pause notifications',
      '(separator)',
      'Quit Queueboard',
    ]);
  });

  it('shows the worst status as the icon, and changes the icon only when the worst status changes', () => {
    const { deskTray, tray } = setUp();
    deskTray.setStatus({ worst: 'critical', counts: counts({ critical: 2, warning: 1, ok: 4 }) });
    deskTray.setStatus({ worst: 'critical', counts: counts({ critical: 1, warning: 1, ok: 5 }) });
    deskTray.setStatus({ worst: 'ok', counts: counts({ ok: 7 }) });
    expect(tray.calls.filter((c) => c.startsWith('image'))).toEqual(['image icon-critical', 'image icon-ok']);
    expect(tray.toolTip).toBe('Queueboard — all 7 pinned queues are OK');
  });

  it('never rebuilds the menu for a status update (that would close an open menu on Linux)', () => {
    const { deskTray, tray } = setUp();
    expect(tray.calls).toEqual(['menu']);
    for (let i = 0; i < 10; i++) deskTray.setStatus({ worst: 'warning', counts: counts({ warning: 1 + (i % 2) }) });
    deskTray.setPinWindowVisible(false);
    expect(tray.calls).toEqual(['menu', 'image icon-warning']);
    deskTray.setPinWindowVisible(true);
    expect(tray.calls.at(-1)).toBe('menu');
  });

  it('every menu item does what it says', () => {
    const { deskTray, actions, item, tray } = setUp();
    item('Open Queueboard')?.click?.();
    item('Show pin window')?.click?.();
    deskTray.setPinWindowVisible(true);
    expect(item('Show pin window')).toMatchObject({ type: 'checkbox', checked: true });
    item('Show pin window')?.click?.();
    const [oneHour, untilResumed] = item('Pause notifications')?.submenu ?? [];
    expect([oneHour?.label, untilResumed?.label]).toEqual(['For 1 hour', 'Until resumed']);
    oneHour?.click?.();
    untilResumed?.click?.();
    item('Quit Queueboard')?.click?.();
    tray.clickListener?.();
    expect(actions).toEqual(['open', 'pin window true', 'pin window false', `pause ${PAUSE_ONE_HOUR_MS}`, 'pause null', 'quit', 'open']);
  });

  it('while paused, offers Resume and says until when in the tooltip', () => {
    const { deskTray, actions, item, tray } = setUp();
    deskTray.setPause({ paused: true, until: Date.UTC(2026, 10, 24, 14, 30) });
    expect(item('Pause notifications')).toBeUndefined();
    expect(tray.toolTip).toBe('Queueboard — no pinned queues\nNotifications paused until 14:30');
    item('Resume notifications')?.click?.();
    expect(actions).toEqual(['resume']);
    deskTray.setPause({ paused: false });
    expect(item('Pause notifications')?.submenu).toHaveLength(2);
  });

  it('on macOS, shows a short count beside the icon', () => {
    const { deskTray, tray } = setUp('darwin');
    deskTray.setStatus({ worst: 'critical', counts: counts({ critical: 2, warning: 1 }) });
    expect(tray.title).toBe('2');
    const other = setUp('win32');
    other.deskTray.setStatus({ worst: 'critical', counts: counts({ critical: 2 }) });
    expect(other.tray.title).toBe('');
  });
});

const english = createTranslator('en');

describe('describeTray', () => {
  it.each([
    [counts({ critical: 2, warning: 1, ok: 3 }), 'Queueboard — 2 critical, 1 warning'],
    [counts({ stale: 1, 'no-data': 2, warning: 1 }), 'Queueboard — 1 warning, 1 stale, 2 without data'],
    [counts({ ok: 1 }), 'Queueboard — the pinned queue is OK'],
    [counts({}), 'Queueboard — no pinned queues'],
  ])('%j → %s', (c, expected) => {
    expect(describeTray(english, { worst: 'ok', counts: c }, { paused: false }, String)).toBe(expected);
  });

  it('says a pause lasts until resumed', () => {
    expect(describeTray(english, null, { paused: true, until: null }, String)).toBe('Queueboard — no pinned queues\nNotifications paused until resumed');
  });
});

describe('the tray in Portuguese and Dutch', () => {
  it('labels the menu and the tooltip in the app\'s language', () => {
    const { deskTray, tray } = setUp('linux', 'pt');
    expect(tray.menu.map((i) => i.label ?? `(${i.type})`)).toEqual([
      'Abrir o Queueboard',
      'Mostrar a janela de filas fixadas',
      'Pausar notificações',
      '(separator)',
      'Sair do Queueboard',
    ]);
    deskTray.setStatus({ worst: 'critical', counts: counts({ critical: 2, warning: 1, stale: 3 }) });
    expect(tray.toolTip).toBe('Queueboard — 2 críticas, 1 em aviso e 3 desatualizadas');
    deskTray.setPause({ paused: true, until: Date.UTC(2026, 10, 24, 14, 30) });
    expect(tray.toolTip.split('\n')[1]).toBe('Notificações em pausa até às 14:30');
  });

  it('follows a change of language without waiting for the next status', () => {
    const { deskTray, tray } = setUp();
    deskTray.setStatus({ worst: 'ok', counts: counts({ ok: 4 }) });
    deskTray.setTranslator(createTranslator('nl'));
    expect(tray.toolTip).toBe('Queueboard — alle 4 vastgezette wachtrijen zijn OK');
    expect(tray.menu.map((i) => i.label)).toContain('Queueboard afsluiten');
    expect(tray.menu.find((i) => i.label === 'Meldingen pauzeren')?.submenu?.map((i) => i.label)).toEqual(['Gedurende 1 uur', 'Tot hervatten']);
  });
});

describe('badgeText', () => {
  it('counts critical queues first, then warnings, and is empty when all is well', () => {
    expect(badgeText({ worst: 'critical', counts: counts({ critical: 3, warning: 2 }) })).toBe('3');
    expect(badgeText({ worst: 'warning', counts: counts({ warning: 2 }) })).toBe('2');
    expect(badgeText({ worst: 'ok', counts: counts({ ok: 2 }) })).toBe('');
    expect(badgeText(null)).toBe('');
  });
});
