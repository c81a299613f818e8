import { describe, expect, it } from 'vitest';
import { EMPTY_METRICS } from '../../../shared/metrics';
import type { QueueState } from '../../../shared/protocol/protocol';
import { sameTileInputs } from './tile-inputs';

const health: QueueState['health'] = { status: 'warning', metrics: { backlog: 'ok', slaAttainment: 'warning' }, stale: null, atRisk: null };
const state: QueueState = { queueId: 'q', metrics: { ...EMPTY_METRICS, backlog: 5, slaAttainment: 80, agentsOnline: 3 }, health, updatedAt: 1 };

describe('sameTileInputs', () => {
  it('ignores what no tile shows: when the source reported, metrics neither headline nor graded', () => {
    expect(sameTileInputs(state, { ...state, updatedAt: 2, metrics: { ...state.metrics, agentsOnline: 4 } })).toBe(true);
  });

  it('sees a headline value, a graded (cause) value and a new health', () => {
    expect(sameTileInputs(state, { ...state, metrics: { ...state.metrics, backlog: 6 } })).toBe(false);
    expect(sameTileInputs(state, { ...state, metrics: { ...state.metrics, slaAttainment: 79 } })).toBe(false);
    expect(sameTileInputs(state, { ...state, health: { ...health } })).toBe(false);
  });

  it('sees a queue appear or leave', () => {
    expect(sameTileInputs(undefined, state)).toBe(false);
    expect(sameTileInputs(state, undefined)).toBe(false);
    expect(sameTileInputs(undefined, undefined)).toBe(true);
  });
});
