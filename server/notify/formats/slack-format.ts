import type { MessageView } from '../message-view';

/** Block Kit's limits (Slack answers 400 invalid_blocks past them): header text, section text, fields. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_MAX = 10;
const MARK: Record<MessageView['severity'], string> = { critical: ':red_circle:', warning: ':large_orange_circle:', info: ':large_blue_circle:' };

/**
 * A Slack incoming-webhook message: a header, the text, the facts as section fields and a context line.
 * `text` is the fallback Slack shows in notifications where blocks are not rendered.
 */
export function slackBody(view: MessageView, product: string): string {
  return JSON.stringify({
    text: clip(view.summary, SECTION_MAX),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(view.title, HEADER_MAX), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`${MARK[view.severity]} ${escapeMrkdwn(view.text)}`, SECTION_MAX) } },
      {
        type: 'section',
        fields: view.facts.slice(0, FIELDS_MAX).map((fact) => ({ type: 'mrkdwn', text: clip(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, FIELD_MAX) })),
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(product) }] },
    ],
  });
}

/** Slack's mrkdwn reads &, < and > as markup: escaped as Slack documents, so a queue name cannot ping a channel. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
