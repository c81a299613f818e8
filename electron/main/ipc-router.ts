import {
  IPC_CHANNELS,
  IPC_PREFIX,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
} from '../../shared/ipc/ipc-contract';
import { parseWith } from '../../shared/protocol/validation';
import { APP_ORIGIN, isAppUrl } from './app-origin';

/** What main needs from an invoke event: the frame that sent it (null once that frame is gone). */
export interface IpcInvokeEvent {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the router uses; the real one fits, tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** One handler per channel of the contract: a missing one is a type error. */
export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>) => IpcResponse<C> | Promise<IpcResponse<C>>;
};

/**
 * The one place main registers IPC handlers. Each call is checked before its handler runs: the
 * sender must be our own page, the request must match the channel's schema, and so must the
 * response before it leaves main. Every refusal is logged and rejected with a message that names
 * the channel and the rule.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, logError: (message: string) => void): void {
  for (const channel of Object.keys(handlers)) {
    if (!channel.startsWith(IPC_PREFIX)) {
      throw new Error(`IPC channel "${channel}" must start with "${IPC_PREFIX}"; main registers no other channel.`);
    }
    if (!Object.hasOwn(IPC_CHANNELS, channel)) {
      throw new Error(`IPC channel "${channel}" is not in IPC_CHANNELS (shared/ipc/ipc-contract.ts); add it there first.`);
    }
    const name = channel as IpcChannel;
    const handler = handlers[name] as (request: unknown) => unknown;
    ipcMain.handle(name, async (event, ...args) => {
      try {
        return await answer(name, handler, event, args);
      } catch (error) {
        logError((error as Error).message);
        throw error;
      }
    });
  }
}

async function answer(channel: IpcChannel, handler: (request: unknown) => unknown, event: IpcInvokeEvent, args: unknown[]) {
  const sender = event.senderFrame?.url;
  if (sender === undefined || !isAppUrl(sender)) {
    throw new Error(`${channel}: refused a call from ${sender ?? 'a frame that is gone'}; only ${APP_ORIGIN} pages may call.`);
  }
  if (args.length > 1) {
    throw new Error(`${channel}: expected at most one request argument, got ${args.length}.`);
  }
  const { request: requestSchema, response: responseSchema } = IPC_CHANNELS[channel];
  const request = parseWith(requestSchema, args[0]);
  if (!request.ok) throw new Error(`${channel}: the request is not valid: ${request.issues.join('; ')}`);
  let result: unknown;
  try {
    result = await handler(request.value);
  } catch (error) {
    throw new Error(`${channel}: the handler failed: ${(error as Error).message}`, { cause: error });
  }
  const response = parseWith(responseSchema, result);
  if (!response.ok) throw new Error(`${channel}: main produced an invalid response: ${response.issues.join('; ')}`);
  return response.value;
}
