import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopDetails } from '../db/workshopRepository';
import { errorText } from '../ui/errors';
import { Modal } from '../ui/Modal';
import { TextField } from '../ui/TextField';
import { nameErrorMessage } from '../ui/validation';

interface WorkshopFormDialogProps {
  readonly mode: 'create' | 'edit' | 'rename';
  readonly initial?: WorkshopDetails;
  readonly onSubmit: (details: WorkshopDetails) => Promise<void>;
  readonly onClose: () => void;
}

const blank: WorkshopDetails = { name: '', organisation: '', businessArea: '', startDate: null, endDate: null };

/** Create a workshop, edit its details, or only rename it. On a failed write it stays open with what was typed. */
export function WorkshopFormDialog({ mode, initial = blank, onSubmit, onClose }: WorkshopFormDialogProps) {
  const { t } = useTranslation();
  const [details, setDetails] = useState<WorkshopDetails>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nameError = nameErrorMessage(t, details.name);
  const datesError =
    details.startDate && details.endDate && details.endDate < details.startDate ? t('validation.datesOrder') : null;

  const submit = async () => {
    setShowErrors(true);
    if (nameError || datesError || busy) return;
    setBusy(true);
    setSubmitError(null);
    try {
      await onSubmit(details);
      onClose();
    } catch (error) {
      setSubmitError(errorText(error));
      setBusy(false);
    }
  };
  const set = <K extends keyof WorkshopDetails>(key: K, value: WorkshopDetails[K]) => setDetails((current) => ({ ...current, [key]: value }));
  const title = mode === 'create' ? t('workshopForm.createTitle') : mode === 'edit' ? t('workshopForm.editTitle') : t('workshopForm.renameTitle');

  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('workshopForm.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
            {mode === 'create' ? t('workshopForm.create') : t('workshopForm.save')}
          </button>
        </>
      }
    >
      <TextField
        label={t('workshopForm.name')}
        placeholder={t('workshopForm.namePlaceholder')}
        value={details.name}
        onChange={(value) => set('name', value)}
        onCommit={() => void submit()}
        error={showErrors ? nameError : null}
        data-autofocus
      />
      {mode === 'rename' ? null : (
        <>
          <TextField
            label={t('workshopForm.organisation')}
            placeholder={t('workshopForm.organisationPlaceholder')}
            value={details.organisation}
            onChange={(value) => set('organisation', value)}
            onCommit={() => void submit()}
            maxLength={200}
          />
          <TextField
            label={t('workshopForm.businessArea')}
            placeholder={t('workshopForm.businessAreaPlaceholder')}
            value={details.businessArea}
            onChange={(value) => set('businessArea', value)}
            onCommit={() => void submit()}
            maxLength={200}
          />
          <div className="field-row">
            <TextField
              type="date"
              label={t('workshopForm.startDate')}
              value={details.startDate ?? ''}
              onChange={(value) => set('startDate', value === '' ? null : value)}
            />
            <TextField
              type="date"
              label={t('workshopForm.endDate')}
              value={details.endDate ?? ''}
              onChange={(value) => set('endDate', value === '' ? null : value)}
              error={showErrors ? datesError : null}
            />
          </div>
        </>
      )}
      {submitError ? (
        <p className="field-error" role="alert">
          {submitError}
        </p>
      ) : null}
    </Modal>
  );
}
