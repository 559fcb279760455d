import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../shared/platform/bridge';
import { usePlatform } from '../platform/platform';
import { errorText } from '../ui/errors';
import { useNotices } from '../ui/notices';
import './images.css';

export interface ExportItem {
  readonly id: string;
  readonly label: string;
  /** Writes the file; null when the user cancelled the save dialog. */
  readonly run: () => Promise<SavedFile | null>;
}

/**
 * A toolbar button that opens a short list of exports. Keys pressed in it stay in it (the
 * editor's single-key shortcuts must not fire from here); arrows move between items, Escape
 * closes. The outcome is a notice: saved (with "show in folder" on the desktop) or why not.
 */
export function ExportMenu({ label, items, testId }: { label: string; items: readonly ExportItem[]; testId?: string }) {
  const { t } = useTranslation();
  const bridge = usePlatform();
  const notify = useNotices((state) => state.show);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const run = async (item: ExportItem) => {
    setOpen(false);
    setBusy(true);
    try {
      const saved = await item.run();
      if (saved) {
        const { path } = saved;
        notify(
          t('exportFile.saved', { name: saved.name }),
          path === null ? undefined : { label: t('exportFile.showInFolder'), run: () => void bridge.showInFolder(path).catch(() => undefined) },
        );
      }
    } catch (error) {
      notify(t('exportFile.failed', { message: errorText(error) }));
    } finally {
      setBusy(false);
      buttonRef.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (!open) return;
    const entries = [...(rootRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (next: number) => entries[(next + entries.length) % entries.length]?.focus();
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focus(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focus(index - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focus(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focus(entries.length - 1);
    }
  };

  return (
    <div className="export-menu" ref={rootRef} onKeyDown={onKeyDown} data-testid={testId}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={() => setOpen((value) => !value)}
      >
        {busy ? t('images.exporting') : label}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="export-menu-items" role="menu" id={menuId} aria-label={label}>
          {items.map((item) => (
            <button key={item.id} type="button" role="menuitem" tabIndex={-1} onClick={() => void run(item)}>
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
