import { describe, expect, it } from 'vitest';
import { transition } from '../../tests/support/desk-fixtures';
import { describeIncident, foldIncidents } from './incident-notifications';

describe('foldIncidents', () => {
  const incident = { id: 'inc-1', title: 'Payments' };

  it('keeps transitions of no incident as they are and gives one notification per incident seen for the first time', () => {
    const known = new Set(['inc-old']);
    const firstTime = (id: string) => !known.has(id) && Boolean(known.add(id));
    const plain = transition({ alertId: 'p' });
    const fold = foldIncidents(
      [plain, transition({ alertId: 'a', incident }), transition({ alertId: 'b', queueId: 'q2', queueName: 'Email', incident }), transition({ alertId: 'c', incident: { id: 'inc-old', title: 'Old' } })],
      firstTime,
    );
    expect(fold.single).toEqual([plain]);
    expect(fold.incidents).toEqual([
      { title: { key: 'incidents.notification.title', params: { title: 'Payments' } }, body: [{ key: 'incidents.notification.body', params: { names: 'Chat Portugal, Email' } }], queueId: 'lis-chat-pt' },
    ]);
    expect(foldIncidents([transition({ alertId: 'd', incident })], firstTime).incidents).toEqual([]);
  });

  it('refuses to describe transitions without an incident', () => {
    expect(() => describeIncident([transition()])).toThrow('describeIncident needs transitions of one incident');
  });
});
