import { MAX_NAME_LENGTH, normaliseName } from '../../../shared/model';

/**
 * A name made from another (「<name>（読み込み）」) that stays within the length a name may have:
 * the original name is shortened, with an ellipsis, never the part added to it.
 */
export function derivedName(make: (name: string) => string, name: string): string {
  let characters = Array.from(name);
  let result = normaliseName(make(name));
  while (result.length > MAX_NAME_LENGTH && characters.length > 0) {
    characters = characters.slice(0, -1);
    result = normaliseName(make(`${characters.join('')}…`));
  }
  return result;
}

/** The workshop-name part of a backup's file name: all there is to go by when the library cannot be read. */
export const nameInBackupFileName = (fileName: string): string => fileName.slice(0, Math.max(0, fileName.indexOf('--')));
