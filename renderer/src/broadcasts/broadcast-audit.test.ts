import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { describeAuditEntry } from '../settings/audit-format';

describe("broadcasts in the settings pane's audit trail", () => {
  it('name what was done in the pane language, with the content before and after', () => {
    const { t } = createI18n('pt');
    const entry = { id: 3, at: 1, actor: 'Marta Silva', action: 'broadcast.edit', subject: 'broadcast b1', before: { severity: 'critical' }, after: { severity: 'warning' }, revertible: false };
    expect(describeAuditEntry(entry, [], [], t)).toMatchObject({ what: 'broadcast b1', action: 'editou um comunicado' });
    expect(describeAuditEntry({ ...entry, action: 'broadcast.end' }, [], [], t).action).toBe('terminou um comunicado');
  });
});
