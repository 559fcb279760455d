import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exporterById, exporters, suggestedFileName, type ExporterId } from '../../../shared/export';
import { nowTimestamp, type WorkshopDocument } from '../../../shared/model';
import { languageSchema, type Language } from '../../../shared/platform/bridge';
import { APP_LABEL } from '../db/workshopRepository';
import { usePlatform } from '../platform/platform';
import { errorText } from '../ui/errors';
import { useNotices } from '../ui/notices';

type Encoding = 'utf-8-bom' | 'utf-8' | 'cp932';

/** Choose a format (and for CSV its encoding), run the shared exporter, save through the bridge. */
export function ExportPanel({ document, onClose }: { document: WorkshopDocument; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const bridge = usePlatform();
  const notify = useNotices((state) => state.show);
  const [format, setFormat] = useState<ExporterId>('xlsx');
  const [lang, setLang] = useState<Language>(languageSchema.catch('ja').parse(i18n.language));
  const [encoding, setEncoding] = useState<Encoding>('utf-8-bom');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const exporter = exporterById(format);

  const run = async () => {
    setBusy(true);
    setProblems([]);
    try {
      const now = nowTimestamp();
      const csv = encoding === 'cp932' ? { encoding: 'cp932' as const } : { encoding: 'utf-8' as const, bom: encoding === 'utf-8-bom' };
      const result = await exporter.run(document, { lang, now, app: APP_LABEL, ...(exporter.csv ? { csv } : {}) });
      if (!result.ok) {
        setProblems(result.problems.map((problem) => `${problem.path}: ${problem.message}`));
        return;
      }
      const saved = await bridge.saveFile({
        suggestedName: suggestedFileName(document, exporter, now),
        filters: [{ name: exporter.labels[lang], extensions: [exporter.extension] }],
        mimeType: exporter.mimeType,
        data: new Uint8Array(result.value),
      });
      if (saved) {
        notify(t('backlog.exported', { name: saved.name }));
        onClose();
      }
    } catch (error) {
      setProblems([t('backlog.exportFailed', { message: errorText(error) })]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel export-panel" aria-label={t('backlog.exportTitle')} data-testid="export-panel">
      <h2>{t('backlog.exportTitle')}</h2>
      <div className="field-row export-options">
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('backlog.exportFormat')}</label>
          <select id={`${id}-format`} value={format} onChange={(event) => setFormat(event.target.value as ExporterId)}>
            {exporters.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.labels[languageSchema.catch('ja').parse(i18n.language)]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('backlog.exportLanguage')}</label>
          <select id={`${id}-lang`} value={lang} onChange={(event) => setLang(languageSchema.parse(event.target.value))}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </div>
        {exporter.csv ? (
          <div className="field">
            <label htmlFor={`${id}-encoding`}>{t('backlog.exportEncoding')}</label>
            <select id={`${id}-encoding`} value={encoding} onChange={(event) => setEncoding(event.target.value as Encoding)}>
              <option value="utf-8-bom">{t('backlog.encodingUtf8Bom')}</option>
              <option value="utf-8">{t('backlog.encodingUtf8')}</option>
              <option value="cp932">{t('backlog.encodingCp932')}</option>
            </select>
          </div>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <ul className="field-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} aria-busy={busy} onClick={() => void run()}>
          {busy ? t('backlog.exporting') : t('backlog.exportDo')}
        </button>
        <button type="button" onClick={onClose}>
          {t('backlog.cancel')}
        </button>
      </div>
    </section>
  );
}
