import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { isCommitEnter, isImeEnter } from '../ui/ime';

/**
 * Panel fields that commit one edit when the user is done (Enter or leaving the field), so
 * each change is one write and one undo step, and typing a Japanese word is never cut short.
 */
interface CommitTextProps {
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly type?: 'text' | 'number';
  readonly testId?: string;
}

export function CommitText({ label, value, onCommit, multiline = false, placeholder, type = 'text', testId }: CommitTextProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (isImeEnter(event)) return;
    if (event.key === 'Escape') {
      setDraft(value);
      event.currentTarget.blur();
    } else if (isCommitEnter(event) && !multiline) {
      event.preventDefault();
      commit();
    }
  };
  const common = {
    id,
    value: draft,
    placeholder,
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      commit();
    },
    onKeyDown,
    'data-testid': testId,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea rows={3} {...common} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input type={type} min={type === 'number' ? 0 : undefined} {...common} onChange={(event) => setDraft(event.target.value)} />
      )}
    </div>
  );
}

/** A list of short texts typed as one comma- or newline-separated field (「請求書、納品書」). */
export function CommitList({ label, values, onCommit, placeholder }: { label: string; values: readonly string[]; onCommit: (values: string[]) => void; placeholder?: string }) {
  return (
    <CommitText
      label={label}
      value={values.join(', ')}
      placeholder={placeholder}
      onCommit={(text) =>
        onCommit(
          text
            .split(/[,、，\n]/)
            .map((item) => item.trim())
            .filter((item) => item.length > 0),
        )
      }
    />
  );
}

/** A non-negative number typed in a panel field: full-width digits, thousands separators and 円 allowed; blank or invalid = not known. */
export function parseAmount(text: string): number | null {
  const cleaned = text.normalize('NFKC').replace(/[,\s円]/g, '');
  const value = Number(cleaned);
  return cleaned === '' || !Number.isFinite(value) || value < 0 ? null : value;
}
