import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Workshop, WorkshopDocument } from '../../../shared/model';
import type { SystemOpenedFile } from '../../../shared/platform/bridge';
import { conflictKey, mergeWorkshops, type ConflictChoice, type WorkshopMerge } from '../../../shared/workshopFile';
import { useDatabase } from '../db/DatabaseContext';
import { WorkshopWriteRefused } from '../db/workshopRepository';
import { usePlatform } from '../platform/platform';
import { navigate } from '../routing';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorText } from '../ui/errors';
import { useDateTimeFormat } from '../ui/format';
import { Modal } from '../ui/Modal';
import { useNotices } from '../ui/notices';
import { writeBackupOf } from './automaticBackups';
import { FileProblemsDialog } from './FileProblemsDialog';
import { useIncomingFiles } from './incomingFiles';
import { MergeDialog } from './MergeDialog';
import { derivedName } from './names';
import { inspectIncomingFile, openAsCopy, openAsNewWorkshop, replaceWorkshop, writeMerge, type FileLabel, type FileProblem, type Inspection } from './openFlow';

type InLibrary = Extract<Inspection, { kind: 'exists' }>;

/** Where the flow is with one file; `incoming` is that file, as queued. */
type Step = { readonly incoming: SystemOpenedFile } & (
  | { readonly kind: 'reading' }
  | { readonly kind: 'problems'; readonly file: FileLabel; readonly problems: readonly FileProblem[] }
  | { readonly kind: 'choose'; readonly inspection: InLibrary }
  | { readonly kind: 'confirmReplace'; readonly inspection: InLibrary }
  | { readonly kind: 'merge'; readonly inspection: InLibrary; readonly libraryCopy: WorkshopDocument; readonly merge: WorkshopMerge }
);

/**
 * Opens the files handed to the library (`useIncomingFiles`), one at a time. A file the
 * library does not have opens at once; for one it has, the facilitator chooses: merge,
 * replace (after confirming; the library's version is backed up first), or a copy. A file
 * that cannot be read is reported, and the library stays as it was.
 */
export function OpenWorkshopFileFlow() {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = usePlatform();
  const notify = useNotices((state) => state.show);
  const current = useIncomingFiles((state) => state.current);
  const [step, setStep] = useState<Step | null>(null);
  // The file being worked on: an effect run twice (StrictMode) or a re-render must not open it twice.
  const started = useRef<SystemOpenedFile | null>(null);

  /** Done with `incoming` (opened, refused or cancelled): on to the next file. Only once, however many ways it ends. */
  const finish = (incoming: SystemOpenedFile): void => {
    const files = useIncomingFiles.getState();
    if (files.current !== incoming) return;
    setStep(null);
    files.done();
  };

  const opened = (incoming: SystemOpenedFile, workshop: Workshop, message: string, file: FileLabel, migratedFrom: number | undefined): void => {
    notify(message);
    if (migratedFrom !== undefined) notify(t('workshopFile.migrated', { file: file.name, from: migratedFrom }));
    finish(incoming);
    // With more files waiting, the library stays, to ask about the next one.
    if (useIncomingFiles.getState().current === null) navigate({ name: 'workshop', workshopId: workshop.id });
  };

  useEffect(() => {
    if (current === null || started.current === current) return;
    const incoming = current;
    started.current = incoming;
    setStep({ incoming, kind: 'reading' });
    void (async () => {
      const inspection = await inspectIncomingFile(db, incoming);
      if (inspection.kind === 'refused') setStep({ incoming, kind: 'problems', file: inspection.file, problems: inspection.problems });
      else if (inspection.kind === 'exists') setStep({ incoming, kind: 'choose', inspection });
      else {
        const workshop = await openAsNewWorkshop(db, inspection.document);
        opened(incoming, workshop, t('workshopFile.opened', { name: workshop.name }), inspection.file, inspection.migratedFrom);
      }
    })().catch((error: unknown) => {
      const file = incoming.ok ? { name: incoming.file.name, path: incoming.file.path } : incoming;
      setStep({ incoming, kind: 'problems', file, problems: [{ message: describeWriteError(t, error) }] });
    });
    // A run starts only for a new file; the `t` and `opened` of the render that started it serve it to the end.
  }, [current, db]);

  /** The library's version is kept as a backup before it is overwritten: replacing and merging can then be undone by hand. */
  const backUpLibraryCopy = async (inspection: InLibrary): Promise<void> => {
    try {
      await writeBackupOf(db, bridge, inspection.document.workshop.id);
    } catch (error) {
      throw new Error(t('workshopFile.backupBeforeFailed', { message: errorText(error) }));
    }
  };

  if (step === null) return null;
  const { incoming } = step;
  const close = () => finish(incoming);
  switch (step.kind) {
    case 'reading':
      return (
        <p className="loading" aria-busy="true" role="status">
          {t('workshopFile.reading')}
        </p>
      );
    case 'problems':
      return <FileProblemsDialog file={step.file} problems={step.problems} onClose={close} />;
    case 'choose': {
      const { inspection } = step;
      const copyName = derivedName((name) => t('workshopFile.copyName', { name }), inspection.document.workshop.name);
      const openCopy = async () => {
        try {
          const workshop = await openAsCopy(db, inspection.document, copyName);
          opened(incoming, workshop, t('workshopFile.opened', { name: workshop.name }), inspection.file, inspection.migratedFrom);
        } catch (error) {
          setStep({ incoming, kind: 'problems', file: inspection.file, problems: [{ message: describeWriteError(t, error) }] });
        }
      };
      const startMerge = () => {
        const libraryCopy = inspection.libraryCopy;
        if (libraryCopy === undefined) return;
        const merge = mergeWorkshops(libraryCopy, inspection.document);
        if (!merge.ok) setStep({ incoming, kind: 'problems', file: inspection.file, problems: merge.problems });
        else if (merge.value.added.length === 0 && merge.value.conflicts.length === 0 && merge.value.renumbered.length === 0) {
          notify(t('workshopFile.nothingToMerge', { file: inspection.file.name }));
          close();
        } else setStep({ incoming, kind: 'merge', inspection, libraryCopy, merge: merge.value });
      };
      return (
        <ChooseDialog
          inspection={inspection}
          copyName={copyName}
          onMerge={startMerge}
          onReplace={() => setStep({ incoming, kind: 'confirmReplace', inspection })}
          onCopy={() => void openCopy()}
          onClose={close}
        />
      );
    }
    case 'confirmReplace': {
      const { inspection } = step;
      return (
        <ConfirmDialog
          title={t('workshopFile.confirmReplaceTitle')}
          body={t('workshopFile.confirmReplaceBody', { name: inspection.libraryWorkshop.name, file: inspection.file.name })}
          confirmLabel={t('workshopFile.confirmReplace')}
          danger
          onConfirm={async () => {
            await backUpLibraryCopy(inspection);
            const workshop = await replaceWorkshop(db, inspection.document).catch((error: unknown) => {
              throw new Error(describeWriteError(t, error));
            });
            opened(incoming, workshop, t('workshopFile.replaced', { name: workshop.name }), inspection.file, inspection.migratedFrom);
          }}
          onClose={close}
        />
      );
    }
    case 'merge': {
      const { inspection, libraryCopy, merge } = step;
      const apply = async (choices: Readonly<Record<string, ConflictChoice>>) => {
        await backUpLibraryCopy(inspection);
        const workshop = await writeMerge(db, libraryCopy, merge, choices).catch((error: unknown) => {
          throw new Error(describeWriteError(t, error));
        });
        const taken = merge.conflicts.filter((conflict) => choices[conflictKey(conflict)] === 'incoming').length;
        opened(incoming, workshop, t('workshopFile.merged', { name: workshop.name, added: merge.added.length, taken }), inspection.file, inspection.migratedFrom);
      };
      return <MergeDialog fileName={inspection.file.name} workshopName={libraryCopy.workshop.name} merge={merge} onMerge={apply} onClose={close} />;
    }
  }
}

interface ChooseDialogProps {
  readonly inspection: InLibrary;
  readonly copyName: string;
  readonly onMerge: () => void;
  readonly onReplace: () => void;
  readonly onCopy: () => void;
  readonly onClose: () => void;
}

/** The file is a copy of a workshop the library has: merge it, replace the library's, or keep both. */
function ChooseDialog({ inspection, copyName, onMerge, onReplace, onCopy, onClose }: ChooseDialogProps) {
  const { t } = useTranslation();
  const formatDateTime = useDateTimeFormat();
  const hintIds = { merge: useId(), replace: useId(), copy: useId() };
  const canMerge = inspection.libraryCopy !== undefined;
  return (
    <Modal
      title={t('workshopFile.existsTitle')}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      }
    >
      <p>
        {t('workshopFile.existsBody', {
          name: inspection.libraryWorkshop.name,
          updated: formatDateTime(inspection.libraryWorkshop.updatedAt),
          file: inspection.file.name,
          saved: formatDateTime(inspection.document.savedAt),
        })}
      </p>
      <div className="choice-group">
        <div>
          <button type="button" className="primary" disabled={!canMerge} aria-describedby={hintIds.merge} onClick={onMerge} data-autofocus>
            {t('workshopFile.merge')}
          </button>
          <p id={hintIds.merge} className="secondary">
            {canMerge ? t('workshopFile.mergeHint') : t('workshopFile.mergeUnavailable')}
          </p>
        </div>
        <div>
          <button type="button" aria-describedby={hintIds.replace} onClick={onReplace}>
            {t('workshopFile.replace')}
          </button>
          <p id={hintIds.replace} className="secondary">
            {t('workshopFile.replaceHint')}
          </p>
        </div>
        <div>
          <button type="button" aria-describedby={hintIds.copy} onClick={onCopy}>
            {t('workshopFile.openAsCopy')}
          </button>
          <p id={hintIds.copy} className="secondary">
            {t('workshopFile.openAsCopyHint', { name: copyName })}
          </p>
        </div>
      </div>
    </Modal>
  );
}

function describeWriteError(t: TFunction, error: unknown): string {
  if (!(error instanceof WorkshopWriteRefused)) return errorText(error);
  switch (error.reason) {
    case 'appeared':
      return t('workshopFile.appearedMeanwhile');
    case 'changed':
      return t('workshopFile.changedMeanwhile');
    case 'idsTaken':
      return t('workshopFile.idsTaken', { id: error.id });
  }
}
