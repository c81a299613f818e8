import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://queueboard/', 'app://queueboard/assets/index-1a2b.js?x=1#y'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://queueboard.evil/index.html',
    'app://queueboard:8080/index.html',
    'app://user@queueboard/index.html',
    'https://queueboard/index.html',
    'file:///queueboard/index.html',
    'http://127.0.0.1:4310/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
