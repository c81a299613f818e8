import { createContext, useContext, type ReactNode } from 'react';
import type { GatewayCommands } from './gateway-commands';

const CommandsContext = createContext<GatewayCommands | null>(null);

export function CommandsProvider({ commands, children }: { commands: GatewayCommands; children: ReactNode }) {
  return <CommandsContext.Provider value={commands}>{children}</CommandsContext.Provider>;
}

/** Containers send commands through this; tests provide fakes. */
export function useCommands(): GatewayCommands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('useCommands needs a CommandsProvider above it');
  return commands;
}
