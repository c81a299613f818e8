import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/**
 * `refused`: the gateway turned this screen's token down (unknown, revoked, or none where one is needed),
 * or, with the problem `locked-out`, asked it to wait after too many failed attempts.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'incompatible' | 'refused';

/**
 * What went wrong, as a message key the wall translates (`problem.<key>`) and a detail passed through
 * as received (the socket's error, the gateway's own sentence).
 */
export interface ConnectionProblem {
  key: 'disconnected' | 'unreachable' | 'invalid' | 'rejected' | 'incompatible' | 'refused' | 'locked-out' | 'awaiting-board';
  detail?: string;
  /** With `locked-out` and `awaiting-board`: the local time at which the screen tries again by itself (the wall counts down to it). */
  retryAt?: number;
  /** With `awaiting-board`: how many times the board was asked for (connecting counts as the first). */
  attempt?: number;
  /** With `locked-out`: the wait the gateway asked for, in seconds; a countdown never shows more. */
  waitSeconds?: number;
}

export interface ConnectionSlice {
  connection: {
    status: ConnectionStatus;
    /** Local time of the last message from the gateway. */
    lastMessageAt: number | null;
    /** Gateway clock minus local clock, from the last snapshot: screens show the gateway's time. */
    clockOffsetMs: number;
    invalidMessages: number;
    /** Something a person can act on, or null. */
    problem: ConnectionProblem | null;
  };
  setConnection: (status: ConnectionStatus, problem?: ConnectionProblem | null) => void;
  messageReceived: (localTime: number) => void;
  invalidMessage: (problem: ConnectionProblem) => void;
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', lastMessageAt: null, clockOffsetMs: 0, invalidMessages: 0, problem: null },
  setConnection: (status, problem = null) => set((s) => ({ connection: { ...s.connection, status, problem } })),
  messageReceived: (localTime) => set((s) => ({ connection: { ...s.connection, lastMessageAt: localTime } })),
  invalidMessage: (problem) =>
    set((s) => ({ connection: { ...s.connection, invalidMessages: s.connection.invalidMessages + 1, problem } })),
});

export const connectionSelectors = {
  status: (s: AppState) => s.connection.status,
  lastMessageAt: (s: AppState) => s.connection.lastMessageAt,
  clockOffsetMs: (s: AppState) => s.connection.clockOffsetMs,
  problem: (s: AppState) => s.connection.problem,
};
