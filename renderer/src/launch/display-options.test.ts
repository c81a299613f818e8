import { describe, expect, it } from 'vitest';
import { readDisplayOptions } from './display-options';

describe('readDisplayOptions', () => {
  it('reads language, chime and page time from the address, with safe defaults', () => {
    expect(readDisplayOptions('')).toEqual({ language: null, chime: false, pageMs: 20_000 });
    expect(readDisplayOptions('?lang=nl&chime=1&pageSeconds=8')).toEqual({ language: 'nl', chime: true, pageMs: 8000 });
    expect(readDisplayOptions('?lang=pt-PT').language).toBe('pt');
    expect(readDisplayOptions('?lang=fr&chime=yes&pageSeconds=1').language).toBeNull();
    expect(readDisplayOptions('?chime=yes').chime).toBe(false);
    expect(readDisplayOptions('?pageSeconds=1').pageMs).toBe(20_000);
    expect(readDisplayOptions('?pageSeconds=abc').pageMs).toBe(20_000);
  });
});
