// Sandboxed preload (built to out/preload/index.cjs): contextBridge only.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('copydesk', createBridge(ipcRenderer));
