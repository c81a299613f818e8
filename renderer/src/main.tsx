// Wiring only: read where to connect, create the store, start the feed, render.
import '@fontsource-variable/inter';
import './styles/wall.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { io } from 'socket.io-client';
import { App } from './app/App';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient } from './feed/feed-client';
import { CommandsProvider } from './feed/commands-context';
import { createGatewayCommands } from './feed/gateway-commands';
import { resolveScreenOptions } from './launch/launch-options';
import { StoreProvider } from './store/store-context';
import { createAppStore } from './store/store';

const options = await resolveScreenOptions(window);
const store = createAppStore();
const socket = io(options.gatewayUrl, { ...HANDSHAKE_OPTIONS, auth: handshakeAuth(options.client, options.token) });
startFeedClient({ store, socket, requestFrame: (callback) => requestAnimationFrame(callback) });
const commands = createGatewayCommands(socket);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <CommandsProvider commands={commands}>
        <App officeId={options.officeId} view={options.view} />
      </CommandsProvider>
    </StoreProvider>
  </StrictMode>,
);
