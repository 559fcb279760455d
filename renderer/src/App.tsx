import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { languageSchema, type Language, type PlatformBridge } from '../../shared/platform/bridge';
import type { KakehashiDatabase } from './db/database';
import { DatabaseProvider } from './db/DatabaseContext';
import { rememberLanguage } from './i18n';
import { PlatformProvider, usePlatform } from './platform/platform';
import { navigate, useRoute } from './routing';
import { BacklogScreen } from './backlog/BacklogScreen';
import { ReportScreen } from './report/ReportScreen';
import { usePresentation } from './workshopMode/presentationStore';
import { themeSchema, useTheme } from './ui/theme';
import { CompareScreen } from './editor/CompareScreen';
import { MapEditorScreen } from './editor/MapEditorScreen';
import { AboutDialog } from './screens/AboutDialog';
import { LibraryScreen } from './screens/LibraryScreen';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { TrashScreen } from './screens/TrashScreen';
import { WorkshopScreen } from './screens/WorkshopScreen';
import { errorText } from './ui/errors';
import { NoticeArea, RowProblemsBanner, SaveIndicator, WriteFailureBanner } from './ui/StatusBar';

interface AppProps {
  readonly i18n: i18n;
  readonly bridge: PlatformBridge;
  readonly openDatabase: () => Promise<KakehashiDatabase>;
}

export function App({ i18n, bridge, openDatabase }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <PlatformProvider bridge={bridge}>
        <DatabaseGate openDatabase={openDatabase} />
      </PlatformProvider>
    </I18nextProvider>
  );
}

type DatabaseState = { status: 'opening' } | { status: 'open'; db: KakehashiDatabase } | { status: 'failed'; message: string };

function DatabaseGate({ openDatabase }: { openDatabase: () => Promise<KakehashiDatabase> }) {
  const [state, setState] = useState<DatabaseState>({ status: 'opening' });
  const open = useCallback(() => {
    setState({ status: 'opening' });
    openDatabase().then(
      (db) => setState({ status: 'open', db }),
      (error: unknown) => setState({ status: 'failed', message: errorText(error) }),
    );
  }, [openDatabase]);
  useEffect(open, [open]);

  if (state.status === 'opening') return <div className="loading" aria-busy="true" />;
  if (state.status === 'failed') return <RecoveryScreen message={state.message} onRetry={open} />;
  return (
    <DatabaseProvider db={state.db}>
      <Shell />
    </DatabaseProvider>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const bridge = usePlatform();
  const route = useRoute();
  const [aboutOpen, setAboutOpen] = useState(false);
  const [createRequested, setCreateRequested] = useState(false);

  const setLanguage = useCallback(
    (language: Language) => {
      void i18n.changeLanguage(language);
      rememberLanguage(language);
      void bridge.setLanguage(language);
    },
    [i18n, bridge],
  );

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = `${t('app.name')} — ${t('app.tagline')}`;
  }, [i18n.language, t]);

  useEffect(() => {
    void bridge.setLanguage(languageSchema.catch('ja').parse(i18n.language));
    return bridge.onMenuCommand((command) => {
      switch (command) {
        case 'workshop:new':
          navigate({ name: 'library' });
          setCreateRequested(true);
          break;
        case 'library:show':
          navigate({ name: 'library' });
          break;
        case 'library:show-trash':
          navigate({ name: 'trash' });
          break;
        case 'language:ja':
        case 'language:en':
          setLanguage(command === 'language:ja' ? 'ja' : 'en');
          break;
        case 'help:about':
          setAboutOpen(true);
          break;
        case 'view:presentation':
          usePresentation.getState().toggle();
          break;
      }
    });
  }, [bridge, setLanguage]);

  const [theme, setTheme] = useTheme();

  return (
    <div className={`app${route.name === 'map' || route.name === 'compare' ? ' app-fullbleed' : ''}`}>
      <header className="app-header">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">
            架
          </span>
          <span>{t('app.name')}</span>
        </a>
        <span className="tagline">{t('app.tagline')}</span>
        <div className="header-end">
          <SaveIndicator />
          <label className="language-switch">
            <span className="visually-hidden">{t('app.language')}</span>
            <select value={i18n.language} onChange={(event) => setLanguage(languageSchema.parse(event.target.value))} aria-label={t('app.language')}>
              <option value="ja">日本語</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="language-switch">
            <span className="visually-hidden">{t('app.theme')}</span>
            <select value={theme} onChange={(event) => setTheme(themeSchema.parse(event.target.value))} aria-label={t('app.theme')} data-testid="theme">
              {themeSchema.options.map((option) => (
                <option key={option} value={option}>
                  {t(`app.themes.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="icon" aria-label={t('about.title')} onClick={() => setAboutOpen(true)}>
            ?
          </button>
        </div>
      </header>
      <WriteFailureBanner />
      <RowProblemsBanner />
      {route.name === 'library' ? <LibraryScreen createRequested={createRequested} onCreateHandled={() => setCreateRequested(false)} /> : null}
      {route.name === 'trash' ? <TrashScreen /> : null}
      {route.name === 'backlog' ? <BacklogScreen key={route.workshopId} workshopId={route.workshopId} /> : null}
      {route.name === 'report' ? <ReportScreen key={route.workshopId} workshopId={route.workshopId} /> : null}
      {route.name === 'workshop' ? <WorkshopScreen key={route.workshopId} workshopId={route.workshopId} /> : null}
      {route.name === 'map' ? (
        <MapEditorScreen key={`${route.processId}/${route.variant}`} workshopId={route.workshopId} processId={route.processId} variant={route.variant} focus={route.focus} />
      ) : null}
      {route.name === 'compare' ? <CompareScreen key={route.processId} workshopId={route.workshopId} processId={route.processId} /> : null}
      <NoticeArea />
      {aboutOpen ? <AboutDialog onClose={() => setAboutOpen(false)} /> : null}
    </div>
  );
}
