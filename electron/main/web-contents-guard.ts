import { isAppUrl } from './app-origin';

interface PreventableEvent {
  preventDefault(): void;
}

interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The parts of Electron's WebContents the guard uses; the real one fits, tests pass a fake. */
export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent, webPreferences: unknown, params: Record<string, string>) => void): unknown;
}

/** The parts of Electron's Session the guard uses. */
export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
}

export type RefusalLog = (message: string) => void;

/**
 * Logs each distinct refusal once: a page that retries (or a permission checked on every frame)
 * must not flood the log of a wall that runs for weeks.
 */
export function createRefusalLog(log: (message: string) => void): RefusalLog {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    log(message);
  };
}

/** The page may never leave our own origin, open windows or embed webviews. */
export function guardWebContents(contents: GuardableContents, refuse: RefusalLog): void {
  contents.setWindowOpenHandler(({ url }) => {
    refuse(`Refused to open a new window for ${url}`);
    return { action: 'deny' };
  });
  const keepOnAppOrigin = (kind: string) => (navigation: NavigationEvent) => {
    if (isAppUrl(navigation.url)) return;
    navigation.preventDefault();
    refuse(`Refused ${kind} to ${navigation.url}: the app shows only its own pages`);
  };
  contents.on('will-navigate', keepOnAppOrigin('navigation'));
  contents.on('will-redirect', keepOnAppOrigin('redirect'));
  contents.on('will-attach-webview', (attach, _webPreferences, params) => {
    attach.preventDefault();
    refuse(`Refused to attach a webview for ${params['src'] || '(no src)'}`);
  });
}

/** A wallboard needs no camera, microphone, notifications prompt or any other permission (yet). */
export function guardSession(session: GuardableSession, refuse: RefusalLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    refuse(`Refused permission "${permission}" requested by ${details.requestingUrl ?? '(unknown page)'}`);
    callback(false);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    refuse(`Refused permission check "${permission}" for ${requestingOrigin || '(unknown origin)'}`);
    return false;
  });
}
