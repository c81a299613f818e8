import type { StateCreator } from 'zustand';
import type { Broadcast } from '../../../shared/protocol/broadcast-protocol';
import type { AppState } from '../store/store';

export interface BroadcastSlice {
  /** Every broadcast not yet ended, as the gateway last said (snapshot or `broadcasts` event). */
  broadcasts: readonly Broadcast[];
  setBroadcasts: (broadcasts: readonly Broadcast[]) => void;
}

export const createBroadcastSlice: StateCreator<AppState, [], [], BroadcastSlice> = (set) => ({
  broadcasts: [],
  setBroadcasts: (broadcasts) => set({ broadcasts }),
});

export const broadcastSelectors = {
  all: (s: AppState) => s.broadcasts,
};
