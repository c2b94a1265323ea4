/** The only two IPC channels between the renderer and main. Shared with the preload. */
export const CALL_CHANNEL = 'copydesk:call';
export const EVENT_CHANNEL = 'copydesk:event';
