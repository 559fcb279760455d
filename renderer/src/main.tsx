import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { KakehashiDatabase } from './db/database';
import { createI18n, initialLanguage } from './i18n';
import { detectPlatformBridge } from './platform/platform';
import { createAutomaticBackups } from './workshopFile/automaticBackups';
import { listenForWorkshopFiles } from './workshopFile/incomingFiles';
import { App } from './App';
import '@xyflow/react/dist/style.css';
import './styles.css';

// zod's JIT probe uses `new Function`, which the CSP forbids.
z.config({ jitless: true });

const bridge = detectPlatformBridge();
const i18n = createI18n(initialLanguage(window.localStorage, navigator.languages ?? [navigator.language]));
// Both run for the app's lifetime, whatever screen is shown: files may arrive and edits happen anywhere.
const backups = createAutomaticBackups(bridge);
listenForWorkshopFiles(bridge, i18n);

async function openDatabase(): Promise<KakehashiDatabase> {
  const db = new KakehashiDatabase();
  await db.open();
  // Ask the browser not to evict our data under storage pressure; a refusal is not an error.
  await navigator.storage?.persist?.().catch(() => false);
  backups.watch(db);
  return db;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} bridge={bridge} openDatabase={openDatabase} />
  </StrictMode>,
);
