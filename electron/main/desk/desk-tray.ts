import type { Translator } from '../../../shared/i18n/translator';
import type { TrayStatus, TrayStatusLevel } from '../../../shared/ipc/desk-contract';
import type { PauseState } from './desk-notifier';

/** The part of Electron's Tray the service uses; the real one fits, tests pass a fake. */
export interface TrayLike<Image, Menu> {
  setImage(image: Image): void;
  setToolTip(toolTip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: Menu): void;
  on(event: 'click', listener: () => void): unknown;
}

/** The part of Electron's MenuItemConstructorOptions the tray menu uses. */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox' | 'submenu';
  checked?: boolean;
  click?: () => void;
  submenu?: TrayMenuItem[];
}

export interface TrayActions {
  openDesk(): void;
  setPinWindowVisible(visible: boolean): void;
  pauseFor(durationMs: number | null): void;
  resume(): void;
  quit(): void;
}

export interface DeskTrayOptions<Image, Menu> {
  /** new Tray(image), made when the service starts: tests pass a factory for a fake (as Signal Desktop does). */
  createTray: (image: Image) => TrayLike<Image, Menu>;
  /** The icon for a status, e.g. nativeImage from trayIconRepresentations(status). */
  createImage: (status: TrayStatusLevel) => Image;
  /** Menu.buildFromTemplate */
  buildMenu: (template: TrayMenuItem[]) => Menu;
  /** macOS shows a short text beside the icon; elsewhere the title is not shown. */
  platform: string;
  /** "14:30" in the app's locale (the translator's), for "paused until". */
  formatTime: (epochMs: number, locale: string) => string;
  /** The words, in the app's language; setTranslator changes it when the app settings do. */
  translator: Translator;
  actions: TrayActions;
}

export const PAUSE_ONE_HOUR_MS = 3_600_000;

/** Worst first, so the tooltip starts with what needs a lead most. */
const COUNT_ORDER = ['critical', 'warning', 'stale', 'no-data'] as const;
const COUNT_KEYS: Readonly<Record<(typeof COUNT_ORDER)[number], string>> = {
  critical: 'main.tray.critical',
  warning: 'main.tray.warning',
  stale: 'main.tray.stale',
  'no-data': 'main.tray.noData',
};

/** The tray icon and its menu: the worst status of the pinned queues at a glance, from anywhere on the desktop. */
export class DeskTray<Image, Menu> {
  private readonly tray: TrayLike<Image, Menu>;
  private status: TrayStatus | null = null;
  private pinWindowVisible = false;
  private pause: PauseState = { paused: false };
  private shown = { toolTip: '', title: '' };
  private translator: Translator;

  constructor(private readonly options: DeskTrayOptions<Image, Menu>) {
    this.translator = options.translator;
    this.tray = options.createTray(options.createImage('no-data'));
    this.tray.on('click', () => options.actions.openDesk());
    this.renderText();
    this.renderMenu();
  }

  /**
   * Called with every update the desk view gets (up to twice a second), so only what changed is
   * redrawn, and never the menu: replacing a menu closes it on Linux while the lead is reading it.
   */
  setStatus(status: TrayStatus): void {
    if ((this.status?.worst ?? 'no-data') !== status.worst) this.tray.setImage(this.options.createImage(status.worst));
    this.status = status;
    this.renderText();
  }

  setPinWindowVisible(visible: boolean): void {
    if (visible === this.pinWindowVisible) return;
    this.pinWindowVisible = visible;
    this.renderMenu();
  }

  /** The app's language changed: every word of the tray follows. */
  setTranslator(translator: Translator): void {
    if (translator.language === this.translator.language) return;
    this.translator = translator;
    this.renderText();
    this.renderMenu();
  }

  setPause(pause: PauseState): void {
    this.pause = pause;
    this.renderText();
    this.renderMenu();
  }

  private renderText(): void {
    const toolTip = describeTray(this.translator, this.status, this.pause, (ms) => this.options.formatTime(ms, this.translator.locale));
    if (toolTip !== this.shown.toolTip) this.tray.setToolTip(toolTip);
    const title = this.options.platform === 'darwin' ? badgeText(this.status) : '';
    if (title !== this.shown.title) this.tray.setTitle(title);
    this.shown = { toolTip, title };
  }

  private renderMenu(): void {
    this.tray.setContextMenu(this.options.buildMenu(this.menuTemplate()));
  }

  private menuTemplate(): TrayMenuItem[] {
    const { actions } = this.options;
    const { t } = this.translator;
    const pauseItem: TrayMenuItem = this.pause.paused
      ? { label: t('main.tray.resume'), click: () => actions.resume() }
      : {
          label: t('main.tray.pause'),
          type: 'submenu',
          submenu: [
            { label: t('main.tray.pauseOneHour'), click: () => actions.pauseFor(PAUSE_ONE_HOUR_MS) },
            { label: t('main.tray.pauseUntilResumed'), click: () => actions.pauseFor(null) },
          ],
        };
    return [
      { label: t('main.tray.open'), click: () => actions.openDesk() },
      {
        label: t('main.tray.showPinWindow'),
        type: 'checkbox',
        checked: this.pinWindowVisible,
        click: () => actions.setPinWindowVisible(!this.pinWindowVisible),
      },
      pauseItem,
      { type: 'separator' },
      { label: t('main.tray.quit'), click: () => actions.quit() },
    ];
  }
}

/** "Queueboard — 2 critical, 1 warning", plus the pause when there is one, in the translator's language. */
export function describeTray(translator: Translator, status: TrayStatus | null, pause: PauseState, formatTime: (ms: number) => string): string {
  const { t } = translator;
  const total = status ? Object.values(status.counts).reduce((sum, n) => sum + n, 0) : 0;
  let summary: string;
  if (!status || total === 0) summary = t('main.tray.noPinnedQueues');
  else {
    const parts = COUNT_ORDER.filter((level) => status.counts[level] > 0).map((level) => t(COUNT_KEYS[level], { count: status.counts[level] }));
    summary = parts.length > 0 ? translator.list(parts) : t('main.tray.allOk', { count: total });
  }
  const toolTip = t('main.tray.toolTip', { summary });
  if (!pause.paused) return toolTip;
  const paused = pause.until === null ? t('main.tray.pausedUntilResumed') : t('main.tray.pausedUntil', { time: formatTime(pause.until) });
  return [toolTip, paused].join('\n');
}

/** macOS menu bar text: how many pinned queues are critical (or else warning); nothing when all is well. */
export function badgeText(status: TrayStatus | null): string {
  if (!status) return '';
  if (status.counts.critical > 0) return String(status.counts.critical);
  if (status.counts.warning > 0) return String(status.counts.warning);
  return '';
}
