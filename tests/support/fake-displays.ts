import { EventEmitter } from 'node:events';
import type { Bounds } from '../../electron/main/window-options';

/** Electron's `screen`, with displays a test can plug in, unplug and resize. */
export class FakeScreen extends EventEmitter {
  constructor(public displays: Array<{ bounds: Bounds }>) {
    super();
  }
  getAllDisplays() {
    return this.displays;
  }
  getPrimaryDisplay() {
    const primary = this.displays.find((d) => d.bounds.x === 0 && d.bounds.y === 0);
    if (!primary) throw new Error('a fake screen needs a primary display at (0, 0)');
    return primary;
  }
  plug(bounds: Bounds) {
    this.displays = [...this.displays, { bounds }];
    this.emit('display-added', {}, { bounds });
  }
  unplug(index: number) {
    const [gone] = this.displays.splice(index, 1);
    this.displays = [...this.displays];
    this.emit('display-removed', {}, gone);
  }
  resize(index: number, bounds: Bounds) {
    this.displays = this.displays.map((d, i) => (i === index ? { bounds } : d));
    this.emit('display-metrics-changed', {}, { bounds }, ['bounds']);
  }
}

/** A BrowserWindow's placement, recording each call. */
export class FakeKioskWindow extends EventEmitter {
  readonly calls: string[] = [];
  destroyed = false;
  constructor(public bounds: Bounds) {
    super();
  }
  getBounds() {
    return this.bounds;
  }
  setBounds(bounds: Bounds) {
    this.calls.push(`setBounds ${bounds.x},${bounds.y} ${bounds.width}x${bounds.height}`);
    this.bounds = bounds;
  }
  setKiosk(flag: boolean) {
    this.calls.push(`setKiosk ${flag}`);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export const PRIMARY: Bounds = { x: 0, y: 0, width: 1920, height: 1080 };
export const SECOND: Bounds = { x: 1920, y: 0, width: 3840, height: 2160 };
