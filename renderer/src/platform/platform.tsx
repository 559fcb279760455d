import { createContext, useContext, type ReactNode } from 'react';
import type { PlatformBridge } from '../../../shared/platform/bridge';
import { createBrowserBridge } from './browserBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly kakehashi?: PlatformBridge;
  }
}

export function detectPlatformBridge(): PlatformBridge {
  return window.kakehashi ?? createBrowserBridge();
}

const PlatformContext = createContext<PlatformBridge | null>(null);

export function PlatformProvider({ bridge, children }: { bridge: PlatformBridge; children: ReactNode }) {
  return <PlatformContext.Provider value={bridge}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): PlatformBridge {
  const bridge = useContext(PlatformContext);
  if (!bridge) throw new Error('usePlatform outside PlatformProvider');
  return bridge;
}
