import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useDateTimeFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => format.format(new Date(iso));
  }, [i18n.language]);
}

export function useDateFormat(): (isoDate: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    return (isoDate: string) => format.format(new Date(`${isoDate}T00:00:00Z`));
  }, [i18n.language]);
}

/** Today's date on this machine as yyyy-mm-dd (the form date inputs and the model use). */
export const todayIsoDate = (): string => new Date().toLocaleDateString('sv-SE');
