import { describe, expect, it } from 'vitest';
import { screenOf } from '../../../tests/support/fake-screen';
import { bottomRight, keepInside, PIN_WINDOW_MARGIN, PIN_WINDOW_SIZE, placePinWindow } from './pin-window-placement';

const laptop = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

describe('bottomRight', () => {
  it('sits in the bottom-right corner of the work area, a margin from the edges', () => {
    expect(bottomRight(laptop.workArea)).toEqual({
      x: 1440 - PIN_WINDOW_SIZE.width - PIN_WINDOW_MARGIN,
      y: 25 + 875 - PIN_WINDOW_SIZE.height - PIN_WINDOW_MARGIN,
      ...PIN_WINDOW_SIZE,
    });
  });

  it('shrinks to a work area smaller than the window', () => {
    expect(bottomRight({ x: 0, y: 0, width: 300, height: 200 })).toEqual({ x: 0, y: 0, width: 300, height: 200 });
  });
});

describe('keepInside', () => {
  it.each([
    [{ x: 1300, y: 800, width: 340, height: 420 }, { x: 1100, y: 480, width: 340, height: 420 }],
    [{ x: -500, y: -500, width: 340, height: 420 }, { x: 0, y: 25, width: 340, height: 420 }],
    [{ x: 100, y: 100, width: 340, height: 420 }, { x: 100, y: 100, width: 340, height: 420 }],
    [{ x: 100, y: 100, width: 3000, height: 3000 }, { x: 0, y: 25, width: 1440, height: 875 }],
  ])('%j → %j', (bounds, expected) => {
    expect(keepInside(bounds, laptop.workArea)).toEqual(expected);
  });
});

describe('placePinWindow', () => {
  const twoScreens = screenOf(laptop, monitor);

  it('by default, takes the bottom-right corner of the display nearest the desk window', () => {
    expect(placePinWindow(null, { x: 2000, y: 200, width: 1440, height: 900 }, twoScreens)).toEqual(bottomRight(monitor.workArea));
    expect(placePinWindow(null, { x: 100, y: 100, width: 1200, height: 700 }, twoScreens)).toEqual(bottomRight(laptop.workArea));
    expect(placePinWindow(null, null, twoScreens)).toEqual(bottomRight(laptop.workArea));
  });

  it('goes back where the lead moved it', () => {
    const saved = { x: 1500, y: 40, width: 300, height: 300 };
    expect(placePinWindow(saved, null, twoScreens)).toEqual(saved);
  });

  it('when the monitor it was on is unplugged, comes back inside the remaining display', () => {
    const saved = { x: 3800, y: 1200, width: 340, height: 420 };
    const placed = placePinWindow(saved, null, screenOf(laptop));
    expect(placed).toEqual({ x: 1440 - 340, y: 25 + 875 - 420, width: 340, height: 420 });
  });
});
