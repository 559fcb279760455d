import type { KeyboardEvent } from 'react';

/**
 * True for the Enter that confirms a Japanese IME conversion. That Enter must never submit or
 * commit: Chromium flags it `isComposing`; Safari sends it after `compositionend` with the
 * legacy keyCode 229.
 */
export function isImeEnter(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.nativeEvent.isComposing || event.keyCode === 229);
}

/** Enter that the user meant as "submit": not during IME composition, no Shift (new line). */
export function isCommitEnter(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !isImeEnter(event);
}
