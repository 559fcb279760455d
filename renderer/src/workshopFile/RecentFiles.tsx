import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../../../shared/platform/bridge';
import { usePlatform } from '../platform/platform';
import { openRecentWorkshopFile, useIncomingFiles } from './incomingFiles';

/** 「最近使ったファイル」: workshop files opened or saved lately (desktop only: a browser never says where a file is). */
export function RecentFiles() {
  const { t } = useTranslation();
  const bridge = usePlatform();
  // Read again whenever a file has been dealt with: opening or saving one changes the list.
  const current = useIncomingFiles((state) => state.current);
  const [files, setFiles] = useState<readonly RecentFile[]>([]);
  useEffect(() => {
    let live = true;
    bridge.recentFiles().then(
      (recent) => live && setFiles(recent),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge, current]);

  if (files.length === 0) return null;
  return (
    <section className="panel recent-files" aria-labelledby="recent-files-title">
      <h2 id="recent-files-title">{t('workshopFile.recentTitle')}</h2>
      <ul>
        {files.map((file) => (
          <li key={file.path}>
            <button type="button" className="link-button" title={file.path} onClick={() => void openRecentWorkshopFile(bridge, file.path, file.name)}>
              {file.name}
            </button>{' '}
            <span className="secondary">{file.path}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
