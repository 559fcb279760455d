import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, PlatformBridge } from '../../../shared/platform/bridge';
import { errorText } from '../ui/errors';
import { useDateTimeFormat } from '../ui/format';

export type BackupsState = { readonly status: 'loading' } | { readonly status: 'loaded'; readonly backups: readonly BackupEntry[] } | { readonly status: 'failed'; readonly message: string };

/** The platform's list of backups, read once when the component mounts. */
export function useBackups(bridge: PlatformBridge): BackupsState {
  const [state, setState] = useState<BackupsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    bridge.listBackups().then(
      (backups) => live && setState({ status: 'loaded', backups }),
      (error: unknown) => live && setState({ status: 'failed', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  return state;
}

function useByteFormat(): (bytes: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'ja' ? 'ja-JP' : 'en-GB';
    const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
    const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    return (bytes: number) => (bytes < 1024 * 1024 ? kilobytes.format(bytes / 1024) : megabytes.format(bytes / (1024 * 1024)));
  }, [i18n.language]);
}

interface BackupListProps {
  readonly state: BackupsState;
  /** The heading of a workshop's backups. */
  readonly workshopName: (backup: BackupEntry) => string;
  readonly action: (backup: BackupEntry) => ReactNode;
}

/** Backups per workshop, newest first, each with its time and size and an action. */
export function BackupList({ state, workshopName, action }: BackupListProps) {
  const { t } = useTranslation();
  const formatDateTime = useDateTimeFormat();
  const formatBytes = useByteFormat();
  if (state.status === 'loading') return <p aria-busy="true">{t('workshopFile.backupsLoading')}</p>;
  if (state.status === 'failed') return <p className="field-error">{t('workshopFile.backupsFailed', { message: state.message })}</p>;
  if (state.backups.length === 0) return <p className="secondary">{t('workshopFile.backupsEmpty')}</p>;
  // The platform lists newest first, so grouping keeps that order within each workshop, and puts the workshop edited last first.
  const groups = new Map<string, BackupEntry[]>();
  for (const backup of state.backups) {
    const group = groups.get(backup.workshopId);
    if (group) group.push(backup);
    else groups.set(backup.workshopId, [backup]);
  }
  return (
    <div className="backup-list">
      {[...groups.values()].map((backups) => (
        <section key={backups[0]!.workshopId} data-testid="backup-group">
          <h3>{workshopName(backups[0]!)}</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('workshopFile.backupSavedAt')}</th>
                <th scope="col" className="numeric">
                  {t('workshopFile.backupSize')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('library.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.fileName} data-testid="backup-row">
                  <td>
                    <time dateTime={backup.savedAt}>{formatDateTime(backup.savedAt)}</time>
                  </td>
                  <td className="numeric">{formatBytes(backup.size)}</td>
                  <td>{action(backup)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
