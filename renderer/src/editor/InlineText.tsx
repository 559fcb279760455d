import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isCommitEnter, isImeEnter } from '../ui/ime';

interface InlineTextProps {
  readonly initial: string;
  readonly label: string;
  readonly multiline?: boolean;
  readonly onCommit: (value: string) => void;
  readonly onCancel: () => void;
  readonly className?: string;
}

/**
 * Text edited in place on the canvas. Enter commits — except the Enter that confirms an IME
 * conversion; Shift+Enter adds a line; Escape cancels; leaving the field commits.
 */
export function InlineText({ initial, label, multiline = true, onCommit, onCancel, className }: InlineTextProps) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus();
    element.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(value);
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys typed here belong to the text, not to the canvas shortcuts.
    event.stopPropagation();
    if (isImeEnter(event)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    } else if (isCommitEnter(event) || (!multiline && event.key === 'Enter' && !isImeEnter(event))) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish(true);
    }
  };
  return (
    <textarea
      ref={ref}
      className={`inline-text nodrag nowheel nopan ${className ?? ''}`}
      aria-label={label}
      value={value}
      rows={multiline ? 2 : 1}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
      onPointerDown={(event) => event.stopPropagation()}
    />
  );
}
