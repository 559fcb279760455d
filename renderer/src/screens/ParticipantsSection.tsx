import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createParticipant, departmentSchema, type Department, type Workshop } from '../../../shared/model';
import { useDatabase } from '../db/DatabaseContext';
import { setParticipants } from '../db/workshopRepository';
import { errorText } from '../ui/errors';
import { TextField } from '../ui/TextField';
import { nameErrorMessage } from '../ui/validation';

/** Who is in the room: needed later for "who said it" and key-person risk. */
export function ParticipantsSection({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [name, setName] = useState('');
  const [department, setDepartment] = useState<Department>('accounting');
  const [role, setRole] = useState('');
  const [showError, setShowError] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const nameError = nameErrorMessage(t, name);

  const add = async () => {
    setShowError(true);
    if (nameError) return;
    try {
      await setParticipants(db, workshop.id, [...workshop.participants, createParticipant(name, department, role)]);
      setName('');
      setRole('');
      setShowError(false);
      setSubmitError(null);
    } catch (error) {
      setSubmitError(errorText(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('workshop.participantsTitle')}</h2>
      {workshop.participants.length === 0 ? (
        <p className="empty-state">{t('workshop.participantsEmpty')}</p>
      ) : (
        <ul className="participant-list">
          {workshop.participants.map((participant) => (
            <li key={participant.id} data-testid="participant">
              <span className={`department-tag department-${participant.department}`}>{t(`department.${participant.department}`)}</span>
              <span className="participant-name">{participant.name}</span>
              {participant.role ? <span className="secondary">{participant.role}</span> : null}
              <button
                type="button"
                className="icon"
                aria-label={t('workshop.removeParticipant', { name: participant.name })}
                onClick={() =>
                  void setParticipants(
                    db,
                    workshop.id,
                    workshop.participants.filter((other) => other.id !== participant.id),
                  ).catch(() => undefined)
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <TextField label={t('workshop.participantName')} value={name} onChange={setName} onCommit={() => void add()} error={showError ? nameError : null} />
        <div className="field">
          <label htmlFor="participant-department">{t('workshop.participantDepartment')}</label>
          <select id="participant-department" value={department} onChange={(event) => setDepartment(departmentSchema.parse(event.target.value))}>
            {departmentSchema.options.map((option) => (
              <option key={option} value={option}>
                {t(`department.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('workshop.participantRole')}
          placeholder={t('workshop.participantRolePlaceholder')}
          value={role}
          onChange={setRole}
          onCommit={() => void add()}
          maxLength={200}
        />
        <button type="button" onClick={() => void add()}>
          {t('workshop.addParticipant')}
        </button>
      </div>
      {submitError ? (
        <p className="field-error" role="alert">
          {submitError}
        </p>
      ) : null}
    </section>
  );
}
