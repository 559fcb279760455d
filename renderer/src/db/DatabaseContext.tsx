import { createContext, useContext, type ReactNode } from 'react';
import type { KakehashiDatabase } from './database';

const DatabaseContext = createContext<KakehashiDatabase | null>(null);

export function DatabaseProvider({ db, children }: { db: KakehashiDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={db}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): KakehashiDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseProvider');
  return db;
}
