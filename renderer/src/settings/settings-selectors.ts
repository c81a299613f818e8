import type { AppState } from '../store/store';

/** What the settings pane reads beyond the slices' own selectors: every queue's state, for the preview. */
export const settingsSelectors = {
  states: (s: AppState) => s.feed.states,
};
