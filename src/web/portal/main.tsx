import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage } from './i18n/i18n.js';
import { PortalRoot } from './PortalApp.js';

const root = document.getElementById('root');
if (!root) throw new Error('portal/index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <PortalRoot language={initialLanguage()} />
  </StrictMode>,
);
