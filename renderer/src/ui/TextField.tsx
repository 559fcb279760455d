import { useId, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { isCommitEnter, isImeEnter } from './ime';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Called on an Enter that is not confirming an IME conversion. */
  readonly onCommit?: () => void;
  readonly error?: string | null;
  readonly hideLabel?: boolean;
}

export function TextField({ label, value, onChange, onCommit, error, hideLabel = false, onKeyDown: onKeyDownProp, ...inputProps }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDownProp?.(event);
    if (isImeEnter(event)) {
      // Confirms the conversion only; must not reach an enclosing form's implicit submit.
      event.preventDefault();
      return;
    }
    if (onCommit && isCommitEnter(event)) {
      event.preventDefault();
      onCommit();
    }
  };
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...inputProps}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
