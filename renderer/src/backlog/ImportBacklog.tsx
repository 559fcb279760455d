import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readBacklogJson, type BacklogEnvelope } from '../../../shared/export';
import type { Problem, WorkshopDocument } from '../../../shared/model';
import { replaceRequirements } from '../db/backlogRepository';
import { useDatabase } from '../db/DatabaseContext';
import { usePlatform } from '../platform/platform';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorText } from '../ui/errors';
import { Modal } from '../ui/Modal';
import { useNotices } from '../ui/notices';

/** Reads a backlog file as text; bytes that are not UTF-8 are a problem, not mojibake. */
function decode(data: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    return { ok: false, problem: { path: '(document)', message: 'not UTF-8 text' } };
  }
}

/**
 * Imports a backlog JSON file back: validated in full, refused when it is another workshop's,
 * and only after confirmation does it replace this workshop's requirements (one transaction).
 */
export function ImportBacklogButton({ document }: { document: WorkshopDocument }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = usePlatform();
  const notify = useNotices((state) => state.show);
  const [failure, setFailure] = useState<{ file: string; problems: readonly Problem[] } | null>(null);
  const [pending, setPending] = useState<{ file: string; envelope: BacklogEnvelope } | null>(null);

  const pick = async () => {
    try {
      const file = await bridge.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (!file) return;
      const decoded = decode(file.data);
      const result = decoded.ok ? readBacklogJson(decoded.text) : { ok: false as const, problems: [decoded.problem] };
      if (!result.ok) setFailure({ file: file.name, problems: result.problems });
      else if (result.value.workshop.id !== document.workshop.id) {
        setFailure({ file: file.name, problems: [{ path: 'workshop.id', message: `belongs to another workshop (${result.value.workshop.name})` }] });
      } else setPending({ file: file.name, envelope: result.value });
    } catch (error) {
      notify(errorText(error));
    }
  };

  return (
    <>
      <button type="button" onClick={() => void pick()}>
        {t('backlog.import')}
      </button>
      {failure ? (
        <Modal title={t('backlog.importFailed', { file: failure.file })} onClose={() => setFailure(null)} footer={<button type="button" onClick={() => setFailure(null)}>{t('backlog.cancel')}</button>}>
          <ul className="problem-list" data-testid="import-problems">
            {failure.problems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </Modal>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title={t('backlog.importConfirmTitle')}
          body={t('backlog.importConfirmBody', { name: pending.file, count: pending.envelope.requirements.length })}
          confirmLabel={t('backlog.importReplace')}
          danger
          onConfirm={async () => {
            await replaceRequirements(db, document.workshop.id, pending.envelope.requirements);
            notify(t('backlog.imported', { count: pending.envelope.requirements.length }));
          }}
          onClose={() => setPending(null)}
        />
      ) : null}
    </>
  );
}
