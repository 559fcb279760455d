import { useEffect, useState } from 'react';
import { z } from 'zod';

export const themeSchema = z.enum(['light', 'dark', 'contrast']);
export type Theme = z.infer<typeof themeSchema>;

const STORAGE_KEY = 'kakehashi.theme';

function storedTheme(): Theme {
  try {
    return themeSchema.catch('light').parse(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'light';
  }
}

/** Light, dark or high-contrast: set on <html data-theme>, remembered on this machine. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Private windows may refuse storage; the theme still applies to this session.
    }
  }, [theme]);
  return [theme, setTheme];
}
