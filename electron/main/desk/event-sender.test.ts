import { describe, expect, it } from 'vitest';
import { createEventSender, type EventTarget } from './event-sender';

function target(url: string, destroyed = false) {
  const sent: Array<[string, unknown]> = [];
  const window: EventTarget = {
    isDestroyed: () => destroyed,
    webContents: { getURL: () => url, send: (channel, payload) => void sent.push([channel, payload]) },
  };
  return { window, sent };
}

describe('createEventSender', () => {
  it('sends a valid payload to every live window showing our own page', () => {
    const errors: string[] = [];
    const send = createEventSender((m) => errors.push(m));
    const desk = target('app://queueboard/index.html');
    const pins = target('app://queueboard/index.html#pins');
    const gone = target('app://queueboard/index.html', true);
    const foreign = target('https://evil.example/');
    send([desk.window, pins.window, gone.window, foreign.window], 'queueboard:focus-queue', { queueId: 'lis-chat-pt' });
    expect(desk.sent).toEqual([['queueboard:focus-queue', { queueId: 'lis-chat-pt' }]]);
    expect(pins.sent).toEqual(desk.sent);
    expect([gone.sent, foreign.sent]).toEqual([[], []]);
    expect(errors).toEqual([]);
  });

  it('refuses to send a payload that breaks the contract, naming the event and the field', () => {
    const errors: string[] = [];
    const desk = target('app://queueboard/index.html');
    createEventSender((m) => errors.push(m))([desk.window], 'queueboard:focus-queue', { queueId: 'Not A Slug' });
    expect(desk.sent).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/^queueboard:focus-queue: main refused to send an invalid payload: queueId: /)]);
  });
});
