import { createContext, useContext } from 'react';
import type { PortalConfig } from './api.js';

/** The portal's configuration (GET /config), loaded once by PortalApp; null until it arrives. */
export const PortalConfigContext = createContext<PortalConfig | null>(null);

export const usePortalConfig = (): PortalConfig | null => useContext(PortalConfigContext);
