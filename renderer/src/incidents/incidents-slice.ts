import type { StateCreator } from 'zustand';
import type { Incident } from '../../../shared/protocol/incident-protocol';
import type { AppState } from '../store/store';

export interface IncidentsSlice {
  /** The incidents open now, as the gateway last said (the `incidents` event). */
  incidents: readonly Incident[];
  setIncidents: (open: readonly Incident[]) => void;
}

export const createIncidentsSlice: StateCreator<AppState, [], [], IncidentsSlice> = (set) => ({
  incidents: [],
  setIncidents: (incidents) => set({ incidents }),
});

export const incidentsSelectors = {
  open: (s: AppState) => s.incidents,
  /** The open incident a queue is in (a queue is in at most one), for its tile's line. */
  titleOf: (queueId: string) => (s: AppState) => s.incidents.find((incident) => incident.queueIds.includes(queueId))?.title ?? null,
};
