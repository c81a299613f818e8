import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/translator';
import { LISBON_OFFICE } from '../../../tests/support/one-office';
import { scrub } from '../delivery/webhook-sender';
import { messageView } from '../message-view';
import { floorNames } from '../notifier';
import { OutboundEventSchema } from '../outbound-event';
import { jsonBody, signedHeaders } from './json-format';
import { slackBody } from './slack-format';
import { teamsBody } from './teams-format';

const AT = Date.UTC(2026, 11, 7, 14, 5);
const floor = floorNames([LISBON_OFFICE], [{ id: 'chat', name: 'Chat', names: { pt: 'Conversa', nl: 'Chat NL' }, officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' } }]);
const forecast = OutboundEventSchema.parse({ id: 'f1', kind: 'forecast', severity: 'warning', at: AT, queueIds: ['chat'], forecast: { alertId: 'r1', queueId: 'chat', metric: 'oldestWaitingSeconds', minutesToBreach: 18, value: 420, critical: 900 } });
const broadcast = OutboundEventSchema.parse({ id: 'b1', kind: 'broadcast', severity: 'info', at: AT, broadcast: { id: 'b1', action: 'posted', text: { en: 'Fire drill at 15:00', pt: 'Simulacro às 15:00' }, by: 'Marta Silva', endsAt: Date.UTC(2026, 11, 7, 15, 30) } });

describe('the words of a message, from the catalogue', () => {
  it('says a forecast in the target language with its units', () => {
    const view = messageView(forecast, createTranslator('pt'), floor);
    expect(view.title).toBe('Em risco: Espera mais longa em Conversa');
    expect(view.text).toBe('Espera mais longa atinge o nível crítico (15 min) dentro de cerca de 18 minutos ao ritmo atual; está agora em 7 min.');
    expect(view.facts).toEqual([
      { label: 'Gravidade', value: 'Aviso' },
      { label: 'Filas', value: 'Conversa' },
      { label: 'Escritório', value: 'Lisbon' },
      { label: 'Quando', value: '07/12/2026, 14:05' },
    ]);
  });

  it("picks a broadcast's text in the target language, else English", () => {
    expect(messageView(broadcast, createTranslator('pt'), floor).text).toMatch(/^Simulacro às 15:00 \(até .*15:30\)$/);
    expect(messageView(broadcast, createTranslator('nl'), floor)).toMatchObject({ title: 'Omroepbericht van Marta Silva', text: expect.stringMatching(/^Fire drill at 15:00 \(tot /) });
  });
});

describe('Slack and Teams bodies', () => {
  const view = { severity: 'critical' as const, title: 'x'.repeat(200), text: 'Queue <!channel> & <@U123>', facts: [{ label: 'Queues', value: '<b>' }], summary: 's' };

  it('escapes mrkdwn (no channel ping from a name) and keeps within Block Kit limits', () => {
    const body = JSON.parse(slackBody(view, 'Queueboard'));
    expect(body.blocks[0].text.text).toHaveLength(150);
    expect(body.blocks[1].text.text).toBe(':red_circle: Queue &lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(body.blocks[2].fields).toEqual([{ type: 'mrkdwn', text: '*Queues*\n&lt;b&gt;' }]);
  });

  it('wraps an Adaptive Card as a Teams Workflows message', () => {
    const body = JSON.parse(teamsBody(view, 'Queueboard'));
    expect(body).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { type: 'AdaptiveCard', version: '1.4' } }] });
    expect(body.attachments[0].content.body[0]).toMatchObject({ color: 'Attention', weight: 'Bolder' });
  });
});

describe('the signed JSON format', () => {
  it('signs id.timestamp.body so that Webhook.verify accepts it, and refuses a changed body', () => {
    const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    const body = jsonBody(forecast);
    const headers = signedHeaders(secret, forecast.id, body, new Date());
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'queueboard.forecast', data: { id: 'f1' } });
    expect(() => new Webhook(secret).verify(body.replace('18', '19'), headers)).toThrow('No matching signature found');
  });

  it("scrubs the target's URL, its path and its secret from error text", () => {
    const target = { url: 'https://hooks.slack.com/services/T1/B1/tok', secret: 'whsec_abc' };
    expect(scrub('404 for https://hooks.slack.com/services/T1/B1/tok and /services/T1/B1/tok with whsec_abc', target)).toBe('404 for … and … with …');
  });
});
