/**
 * The IPC names alone, free of any schema library: the sandboxed preload bundles what it imports, and
 * it needs only these strings (the schemas live in ipc-contract.ts, checked by main).
 */
export const IPC_PREFIX = 'queueboard:';

/** `window.queueboard` */
export const BRIDGE_KEY = 'queueboard';
