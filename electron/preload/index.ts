import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../../shared/ipc/ipc-names';
import { createBridge } from './bridge';
import { createSubscribe } from './desk-bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  createBridge((channel, request) => ipcRenderer.invoke(channel, request), createSubscribe(ipcRenderer)),
);
