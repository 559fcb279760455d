import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { conflictKey, type ConflictChoice, type MergedRecord, type MergeTable, type WorkshopMerge } from '../../../shared/workshopFile';
import { errorText } from '../ui/errors';
import { Modal } from '../ui/Modal';

interface MergeDialogProps {
  readonly fileName: string;
  readonly workshopName: string;
  readonly merge: WorkshopMerge;
  readonly onMerge: (choices: Readonly<Record<string, ConflictChoice>>) => Promise<void>;
  readonly onClose: () => void;
}

/** Labels shown per collection before "and N more": enough to recognise what comes in. */
const LABELS_SHOWN = 8;
const VALUE_LENGTH = 300;

/**
 * What merging a second facilitator's file adds, and each conflicting record with both
 * versions side by side and a choice; the library's version is kept unless told otherwise.
 */
export function MergeDialog({ fileName, workshopName, merge, onMerge, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const apply = async () => {
    setBusy(true);
    try {
      await onMerge(choices);
    } catch (caught) {
      setError(errorText(caught));
      setBusy(false);
    }
  };
  const added = groupByTable(merge.added);

  return (
    <Modal
      title={t('workshopFile.mergeTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
            {t('workshopFile.applyMerge')}
          </button>
        </>
      }
    >
      <p>{t('workshopFile.mergeSummary', { file: fileName, name: workshopName })}</p>

      <h3>{t('workshopFile.addedTitle', { count: merge.added.length })}</h3>
      {added.length === 0 ? (
        <p className="secondary">{t('workshopFile.addedNone')}</p>
      ) : (
        <ul data-testid="merge-added">
          {added.map(([table, records]) => (
            <li key={table}>
              <strong>{t(`workshopFile.tables.${table}`)}</strong> ({records.length}): {records.slice(0, LABELS_SHOWN).map((record) => record.label).join(t('workshopFile.listSeparator'))}
              {records.length > LABELS_SHOWN ? ` ${t('workshopFile.andMore', { count: records.length - LABELS_SHOWN })}` : null}
            </li>
          ))}
        </ul>
      )}

      {merge.renumbered.length > 0 ? (
        <>
          <h3>{t('workshopFile.renumberedTitle', { count: merge.renumbered.length })}</h3>
          <ul>
            {merge.renumbered.map((requirement) => (
              <li key={requirement.id}>{t('workshopFile.renumbered', { from: requirement.from, to: requirement.to, title: requirement.title })}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t('workshopFile.conflictsTitle', { count: merge.conflicts.length })}</h3>
      {merge.conflicts.length === 0 ? (
        <p className="secondary">{t('workshopFile.conflictsNone')}</p>
      ) : (
        <>
          <p className="secondary">{t('workshopFile.conflictsHelp')}</p>
          {merge.conflicts.map((conflict) => {
            const key = conflictKey(conflict);
            const choice = choices[key] ?? 'local';
            const choose = (value: ConflictChoice) => setChoices((current) => ({ ...current, [key]: value }));
            return (
              <fieldset key={key} className="merge-conflict" data-testid="merge-conflict">
                <legend>
                  {t(`workshopFile.tables.${conflict.table}`)}: {conflict.label}
                </legend>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('workshopFile.field')}</th>
                      <th scope="col">{t('workshopFile.local')}</th>
                      <th scope="col">{t('workshopFile.incoming')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {conflict.fields.map((field) => (
                      <tr key={field.path}>
                        <th scope="row">
                          <code>{field.path}</code>
                        </th>
                        <td>{formatValue(field.local, t)}</td>
                        <td>{formatValue(field.incoming, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className="choice-group" role="radiogroup" aria-label={t('workshopFile.choiceFor', { label: conflict.label })}>
                  <label className="choice">
                    <input type="radio" name={key} checked={choice === 'local'} onChange={() => choose('local')} />
                    {t('workshopFile.keepLocal')}
                  </label>
                  <label className="choice">
                    <input type="radio" name={key} checked={choice === 'incoming'} onChange={() => choose('incoming')} />
                    {t('workshopFile.takeIncoming')}
                  </label>
                </div>
              </fieldset>
            );
          })}
        </>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}

function groupByTable(records: readonly MergedRecord[]): [MergeTable, MergedRecord[]][] {
  const groups = new Map<MergeTable, MergedRecord[]>();
  for (const record of records) {
    const group = groups.get(record.table);
    if (group) group.push(record);
    else groups.set(record.table, [record]);
  }
  return [...groups];
}

/** A field's value as text: strings as typed, anything else as compact JSON. */
function formatValue(value: unknown, t: TFunction): string {
  if (value === undefined || value === null) return t('workshopFile.noValue');
  if (typeof value === 'string') return value === '' ? t('workshopFile.emptyValue') : value;
  const json = JSON.stringify(value);
  return json.length > VALUE_LENGTH ? `${json.slice(0, VALUE_LENGTH - 1)}…` : json;
}
