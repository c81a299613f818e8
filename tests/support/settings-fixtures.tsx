import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Role, StoredOverride, ThresholdState } from '../../shared/protocol/admin-protocol';
import { CommandsProvider } from '../../renderer/src/feed/commands-context';
import type { GatewayCommands } from '../../renderer/src/feed/gateway-commands';
import { StoreProvider } from '../../renderer/src/store/store-context';
import { createAppStore, type AppStore } from '../../renderer/src/store/store';
import { snapshot, state } from './renderer-fixtures';

export type FakeCommands = { [K in keyof GatewayCommands]: ReturnType<typeof vi.fn<GatewayCommands[K]>> };

/** Commands that answer as a quiet gateway would; tests replace the answers they care about. */
export function fakeCommands(): FakeCommands {
  return {
    acknowledge: vi.fn<GatewayCommands['acknowledge']>(),
    snooze: vi.fn<GatewayCommands['snooze']>(),
    saveThresholds: vi.fn<GatewayCommands['saveThresholds']>(async () => ({ ok: true, revision: 8, applied: 1 })),
    importThresholds: vi.fn<GatewayCommands['importThresholds']>(async () => ({ ok: true, revision: 9, applied: 1 })),
    exportThresholds: vi.fn<GatewayCommands['exportThresholds']>(async () => ({ ok: true, file: { format: 'queueboard-thresholds', version: 1, overrides: [] } })),
    auditList: vi.fn<GatewayCommands['auditList']>(async () => ({ ok: true, entries: [] })),
    revert: vi.fn<GatewayCommands['revert']>(async () => ({ ok: true, revision: 10, applied: 1 })),
    deadLetters: vi.fn<GatewayCommands['deadLetters']>(async () => ({ ok: true, entries: [], total: 0 })),
    retryDeadLetter: vi.fn<GatewayCommands['retryDeadLetter']>(async () => ({ ok: true, targetId: 'ops' })),
    deleteDeadLetter: vi.fn<GatewayCommands['deleteDeadLetter']>(async () => ({ ok: true, targetId: 'ops' })),
    postBroadcast: vi.fn<GatewayCommands['postBroadcast']>(),
    editBroadcast: vi.fn<GatewayCommands['editBroadcast']>(),
    endBroadcast: vi.fn<GatewayCommands['endBroadcast']>(),
  };
}

export function override(over: Partial<StoredOverride> & Pick<StoredOverride, 'scope' | 'scopeId'>): StoredOverride {
  return { metric: 'backlog', profile: '', warning: 100, critical: 200, pendingSeconds: null, recoverySeconds: null, version: 1, updatedAt: 1_700_000_000_000, updatedBy: 'Marta Silva', ...over };
}

export function thresholdState(overrides: StoredOverride[] = [], revision = 7): ThresholdState {
  return { revision, overrides, profiles: [], pendingSeconds: 120, recoverySeconds: 120 };
}

export interface SettingsSetup {
  role?: Role | null;
  name?: string;
  thresholds?: ThresholdState;
  /** Chat Portugal's backlog right now (built-in chat levels: warning 90, critical 150). */
  chatBacklog?: number;
  /** Sets the fake gateway's answers before the first render (containers ask on mount). */
  answers?: (commands: FakeCommands) => void;
}

/** A store fed as the gateway feeds it (snapshot, session, thresholds), and the UI rendered inside the providers. */
export function renderWithGateway(ui: ReactElement, setup: SettingsSetup = {}): { store: AppStore; commands: FakeCommands } {
  const store = createAppStore();
  const commands = fakeCommands();
  setup.answers?.(commands);
  const s = store.getState();
  s.applySnapshot(
    snapshot(1, { states: [state('lis-chat', { metrics: { backlog: setup.chatBacklog ?? 120 } as never }), state('lis-email'), state('ams-phone')] }),
    Date.now(),
  );
  s.setConnection('live');
  if (setup.role !== null) s.setSession({ role: setup.role ?? 'manager', name: setup.name ?? 'Marta Silva' });
  s.setThresholds(setup.thresholds ?? thresholdState());
  render(
    <StoreProvider store={store}>
      <CommandsProvider commands={commands}>{ui}</CommandsProvider>
    </StoreProvider>,
  );
  return { store, commands };
}
