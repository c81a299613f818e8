import type { MessageView } from '../message-view';

const COLOR: Record<MessageView['severity'], string> = { critical: 'Attention', warning: 'Warning', info: 'Accent' };

/**
 * A Teams Workflows message ("Post to a channel when a webhook request is received"): one Adaptive Card
 * (1.4, the version Teams renders everywhere) as an attachment: the title coloured by severity, the text,
 * the facts as a FactSet.
 */
export function teamsBody(view: MessageView, product: string): string {
  return JSON.stringify({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: view.title, weight: 'Bolder', size: 'Medium', color: COLOR[view.severity], wrap: true },
            { type: 'TextBlock', text: view.text, wrap: true },
            { type: 'FactSet', facts: view.facts.map((fact) => ({ title: fact.label, value: fact.value })) },
            { type: 'TextBlock', text: product, isSubtle: true, size: 'Small', wrap: true },
          ],
        },
      },
    ],
  });
}
