import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../platform/platform';
import { Modal } from '../ui/Modal';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = usePlatform();
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.appVersion().then((value) => live && setVersion(value));
    return () => {
      live = false;
    };
  }, [bridge]);
  return (
    <Modal
      title={t('about.title')}
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p>
        <strong>{t('app.name')}</strong> · {version ? t('about.version', { version }) : '…'}
      </p>
      <p>{t('about.body')}</p>
      <p className="secondary">{bridge.kind === 'electron' ? t('about.platformDesktop') : t('about.platformBrowser')}</p>
    </Modal>
  );
}
