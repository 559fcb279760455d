import type { TFunction } from 'i18next';
import type { WriteFailure } from '../db/saveStatus';

export function writeFailureMessage(t: TFunction, failure: Pick<WriteFailure, 'reason' | 'message'>): string {
  switch (failure.reason) {
    case 'quota':
      return t('errors.quota');
    case 'blocked':
      return t('errors.blocked');
    case 'closed':
      return t('errors.closed');
    case 'unknown':
      return t('errors.unknown', { message: failure.message });
  }
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
