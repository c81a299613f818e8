import { describe, expect, it } from 'vitest';
import {
  createRefusalLog,
  guardSession,
  guardWebContents,
  type GuardableContents,
  type GuardableSession,
} from './web-contents-guard';

type Listener = (...args: never[]) => void;

class FakeContents implements GuardableContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly listeners = new Map<string, Listener>();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.windowOpenHandler = handler;
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
  }
  /** Emits like Electron does; returns whether a listener prevented the default. */
  emit(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const listener = this.listeners.get(event) as ((...a: unknown[]) => void) | undefined;
    listener?.({ preventDefault: () => (prevented = true), ...(args[0] as object) }, ...args.slice(1));
    return prevented;
  }
}

class FakeSession implements GuardableSession {
  requestHandler: Parameters<GuardableSession['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: Parameters<GuardableSession['setPermissionCheckHandler']>[0] | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>) {
    this.checkHandler = handler;
  }
}

function guarded() {
  const contents = new FakeContents();
  const logged: string[] = [];
  guardWebContents(contents, createRefusalLog((m) => logged.push(m)));
  return { contents, logged };
}

describe('guardWebContents', () => {
  it('denies every new window and logs the URL', () => {
    const { contents, logged } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://queueboard/index.html' })).toEqual({ action: 'deny' });
    expect(logged).toEqual([
      'Refused to open a new window for https://example.com/',
      'Refused to open a new window for app://queueboard/index.html',
    ]);
  });

  it.each(['will-navigate', 'will-redirect'])('%s: stays on app://queueboard and refuses anything else', (event) => {
    const { contents, logged } = guarded();
    expect(contents.emit(event, { url: 'app://queueboard/index.html?office=lisbon' })).toBe(false);
    expect(contents.emit(event, { url: 'https://evil.example/phish' })).toBe(true);
    expect(contents.emit(event, { url: 'app://evil/index.html' })).toBe(true);
    expect(contents.emit(event, { url: 'file:///etc/passwd' })).toBe(true);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatch(/^Refused (navigation|redirect) to https:\/\/evil\.example\/phish: /);
  });

  it('refuses to attach a webview', () => {
    const { contents, logged } = guarded();
    expect(contents.emit('will-attach-webview', {}, {}, { src: 'https://example.com/' })).toBe(true);
    expect(logged).toEqual(['Refused to attach a webview for https://example.com/']);
  });

  it('logs a repeated refusal once', () => {
    const { contents, logged } = guarded();
    for (let i = 0; i < 5; i++) contents.emit('will-navigate', { url: 'https://evil.example/' });
    contents.emit('will-navigate', { url: 'https://other.example/' });
    expect(logged).toHaveLength(2);
  });
});

describe('guardSession', () => {
  function guardedSession() {
    const session = new FakeSession();
    const logged: string[] = [];
    guardSession(session, createRefusalLog((m) => logged.push(m)));
    return { session, logged };
  }

  it('denies every permission request, with the URL in the log', () => {
    const { session, logged } = guardedSession();
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      session.requestHandler?.(null, permission, (granted) => answers.push(granted), { requestingUrl: 'app://queueboard/index.html' });
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(logged[0]).toBe('Refused permission "media" requested by app://queueboard/index.html');
  });

  it('answers every permission check with false, logging each kind once', () => {
    const { session, logged } = guardedSession();
    const answers = [1, 2, 3].map(() => session.checkHandler?.(null, 'notifications', 'app://queueboard'));
    expect(answers).toEqual([false, false, false]);
    expect(logged).toEqual(['Refused permission check "notifications" for app://queueboard']);
  });
});
