import type { TFunction } from 'i18next';
import { MAX_NAME_LENGTH, nameProblem, normaliseName } from '../../../shared/model';

/** The message for a name that cannot be used, in the UI language; null when it is fine. */
export function nameErrorMessage(t: TFunction, raw: string): string | null {
  switch (nameProblem(raw)) {
    case 'empty':
      return t('validation.nameEmpty');
    case 'tooLong':
      return t('validation.nameTooLong', { max: MAX_NAME_LENGTH, length: normaliseName(raw).length });
    case null:
      return null;
  }
}
