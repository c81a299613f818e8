import type { StateCreator } from 'zustand';
import type { Session, ThresholdState } from '../../../shared/protocol/admin-protocol';
import type { AppState } from './store';

export interface SessionSlice {
  /** Who the gateway says this screen is (role and name); null until it has said. */
  session: Session | null;
  /** Threshold overrides and profiles as the gateway has them; null until received. */
  thresholds: ThresholdState | null;
  setSession: (session: Session | null) => void;
  setThresholds: (thresholds: ThresholdState) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: null,
  thresholds: null,
  setSession: (session) => set({ session }),
  setThresholds: (thresholds) => set({ thresholds }),
});

export const sessionSelectors = {
  session: (s: AppState) => s.session,
  role: (s: AppState) => s.session?.role ?? null,
  thresholds: (s: AppState) => s.thresholds,
};
