// Types of debugging.js (CommonJS, shared with main.mjs): the part of office-addin-debugging the suite uses.
export interface StartDebuggingOptions {
  appType: 'desktop' | 'web';
  app: 'excel';
  enableDebugging: boolean;
  enableLiveReload: boolean;
  enableSideload: boolean;
}
export interface Debugging {
  startDebugging(manifest: string, options: StartDebuggingOptions): Promise<void>;
  stopDebugging(manifest: string): Promise<void>;
}
export declare const DEBUGGING_VERSION: string;
/** office-addin-debugging, installed or fetched once into ~/.nianbao/. */
export declare function loadDebugging(): Debugging;
