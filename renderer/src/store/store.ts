import { createStore, type StoreApi } from 'zustand/vanilla';
import { createBroadcastSlice, type BroadcastSlice } from '../broadcasts/broadcast-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createDisplaySlice, type DisplaySlice } from './display-slice';
import { createFeedSlice, type FeedSlice } from './feed-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

export type AppState = ConnectionSlice & FeedSlice & HistorySlice & DisplaySlice & SessionSlice & BroadcastSlice;
export type AppStore = StoreApi<AppState>;

/** One store built from feature slices; each slice keeps its selectors beside it. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createConnectionSlice(...a),
    ...createFeedSlice(...a),
    ...createHistorySlice(...a),
    ...createDisplaySlice(...a),
    ...createSessionSlice(...a),
    ...createBroadcastSlice(...a),
  }));
}
