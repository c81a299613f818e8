import type { Role, ThresholdState } from '../../shared/protocol/admin-protocol';
import type { CommandName, GatewayRefusal, SentAnswer } from '../../shared/protocol/commands';
import type { HistoryRequest, HistoryResponse, Snapshot } from '../../shared/protocol/protocol';
import type { Logger } from '../runtime/logger';

/** What a screen is sent when it connects: the rules and the board, from the gateway that evaluates. */
export interface Welcome {
  thresholds: ThresholdState;
  snapshot: Snapshot;
}

export type CommandAnswer = SentAnswer<CommandName> | GatewayRefusal;

/** The answers only the evaluating gateway holds (its board, alerts, rules and history), given synchronously but for commands. */
export interface PrimaryAnswers {
  welcome(): Welcome;
  /**
   * Validates and runs a command whose sender's role was checked where the screen is connected; a change is
   * answered once the shared store has committed it (server/socket/recorded-commands.ts), at once on SQLite.
   */
  command(name: CommandName, request: unknown, actor: string, role: Role): CommandAnswer | Promise<CommandAnswer>;
  history(request: HistoryRequest): HistoryResponse;
}

/** The same answers wherever the screen is connected: at home on the evaluating gateway, asked for elsewhere. */
export interface Answers {
  /** Null while no gateway evaluates (a takeover under way): the new one sends every screen a snapshot. */
  welcome(): Promise<Welcome | null>;
  command(name: CommandName, request: unknown, actor: string, role: Role): Promise<CommandAnswer>;
  history(request: HistoryRequest): Promise<HistoryResponse>;
}

type Question =
  | { kind: 'welcome' }
  | { kind: 'command'; name: CommandName; request: unknown; actor: string; role: Role }
  | { kind: 'history'; request: HistoryRequest };

/** The part of a socket.io namespace the relay uses: server-side events between the gateways on the adapter. */
export interface ClusterBus {
  on(event: string, listener: (question: Question, reply: (answer: string | null) => void) => void): unknown;
  serverSideEmit(event: string, question: Question, done: (error: Error | null, replies: (string | null)[]) => void): unknown;
}

const ASK = 'queueboard:ask';

/** One gateway: every answer is its own. */
export function localAnswers(local: PrimaryAnswers): Answers {
  return {
    welcome: () => Promise.resolve(local.welcome()),
    command: (name, request, actor, role) => Promise.resolve(local.command(name, request, actor, role)),
    history: (request) => Promise.resolve(local.history(request)),
  };
}

/**
 * A cluster: a gateway that does not evaluate asks the one that does, over socket.io's server-side events
 * on the Redis adapter (every gateway answers; those that do not evaluate answer null). Answers cross as
 * JSON text, as they would on a screen's socket, so an absent field stays absent.
 */
export function createRelay(options: {
  bus: ClusterBus;
  local: PrimaryAnswers;
  isPrimary: () => boolean;
  logger: Logger;
  /** Pause before a welcome is asked for again; tests shorten it. */
  welcomeRetryMs?: number;
}): Answers {
  const { bus, local, isPrimary, logger } = options;
  const welcomeRetryMs = options.welcomeRetryMs ?? 1000;
  const answerHere = (question: Question): unknown => {
    switch (question.kind) {
      case 'welcome':
        return local.welcome();
      case 'command':
        return local.command(question.name, question.request, question.actor, question.role);
      case 'history':
        return local.history(question.request);
    }
  };
  // The same welcome object (server/socket/welcome-cache.ts) is encoded once, however many gateways ask for it.
  let encoded = { answer: undefined as unknown, text: '' };
  const encode = (answer: unknown): string => {
    if (encoded.answer !== answer) encoded = { answer, text: JSON.stringify(answer) };
    return encoded.text;
  };
  bus.on(ASK, (question, reply) => {
    if (!isPrimary()) return reply(null);
    // A command's answer comes once the store has committed it (within socket.io's 5 s for the replies).
    void (async () => {
      try {
        const answer = await answerHere(question);
        reply(question.kind === 'welcome' ? encode(answer) : JSON.stringify(answer));
      } catch (error) {
        logger.error('could not answer another gateway', { kind: question.kind, error: (error as Error).message });
        reply(null);
      }
    })();
  });

  /** The evaluating gateway's answer, or null when none gave one (socket.io waits at most 5 s for the others). */
  const ask = <T>(question: Question): Promise<T | null> => {
    if (isPrimary()) return Promise.resolve(answerHere(question) as T | Promise<T>);
    return new Promise((resolve) => {
      bus.serverSideEmit(ASK, question, (error, replies) => {
        const answer = (replies ?? []).find((reply): reply is string => typeof reply === 'string');
        if (answer === undefined && error) logger.warn('no gateway answered', { kind: question.kind, error: error.message });
        resolve(answer === undefined ? null : (JSON.parse(answer) as T));
      });
    });
  };
  const noPrimary = (what: string) => `${what}: no gateway is evaluating just now (one takes over within 10 s); try again`;

  /**
   * A question sent while Redis reconnects can be lost (PUB/SUB keeps nothing for a subscriber not yet back),
   * and a screen without its welcome would wait for the next takeover: asked again, a few times. While no
   * gateway evaluates, every one answers null at once, and the next evaluator sends every screen its board.
   */
  const welcome = async (attemptsLeft: number): Promise<Welcome | null> => {
    const answer = await ask<Welcome>({ kind: 'welcome' });
    if (answer !== null || attemptsLeft <= 1) return answer;
    await new Promise((resolve) => setTimeout(resolve, welcomeRetryMs));
    return welcome(attemptsLeft - 1);
  };

  return {
    welcome: () => welcome(3),
    command: async (name, request, actor, role) =>
      (await ask<CommandAnswer>({ kind: 'command', name, request, actor, role })) ?? { ok: false, code: 'unavailable', issues: [noPrimary(name)] },
    history: async (request) =>
      (await ask<HistoryResponse>({ kind: 'history', request })) ?? { ok: false, code: 'unavailable', issues: [noPrimary('history')] },
  };
}
