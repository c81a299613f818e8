// Wiring only: read where to connect and how to look, create the store, start the feeds, render.
import '@fontsource-variable/inter';
import './styles/wall.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/socket-events';
import { App } from './app/App';
import { startChime } from './attention/chime';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient } from './feed/feed-client';
import { CommandsProvider } from './feed/commands-context';
import { rotateGateways, type ReconnectingManager } from './feed/gateway-addresses';
import { createGatewayCommands } from './feed/gateway-commands';
import { startHistoryClient } from './feed/history-client';
import { createI18n } from './i18n/i18n';
import { readStoredLanguage, startLanguage } from './i18n/user-language';
import { readDisplayOptions } from './launch/display-options';
import { resolveScreenOptions } from './launch/launch-options';
import { StoreProvider } from './store/store-context';
import { createAppStore } from './store/store';

const options = await resolveScreenOptions(window);
const display = readDisplayOptions(window.location.search);
const store = createAppStore();
store.getState().setLanguage(display.language);
// The wall follows its office (or ?lang=); a person's own screens start in that person's language.
const personal = () => {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage refused (private mode): the browser's language it is.
  }
  const stored = readStoredLanguage(storage);
  return startLanguage({ search: window.location.search, appLanguage: options.appLanguage, stored, browserLanguages: navigator.languages });
};
const i18n = createI18n(options.view === 'wall' ? (display.language ?? 'en') : personal());
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.gatewayUrl, { ...HANDSHAKE_OPTIONS, auth: handshakeAuth(options.client, options.token) });
rotateGateways(socket.io as unknown as ReconnectingManager, options.gatewayUrls);
startFeedClient({ store, socket, requestFrame: (callback) => requestAnimationFrame(callback) });
const commands = createGatewayCommands(socket);
if (options.view === 'wall') {
  // Sparklines and the chime belong to the wall only.
  startHistoryClient({
    store,
    socket,
    setInterval: (callback, ms) => window.setInterval(callback, ms),
    clearInterval: (handle) => window.clearInterval(handle as number),
  });
  if (display.chime) startChime(store, () => new AudioContext());
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <CommandsProvider commands={commands}>
          <App officeId={options.officeId} groupId={options.groupId} view={options.view} pageMs={display.pageMs} />
        </CommandsProvider>
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);
