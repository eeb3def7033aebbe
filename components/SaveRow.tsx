import { useState } from 'react';

/** Saves a settings form's value and keeps how it went ("Saved.", or why not) for the form's status line. */
export function useSaving<T>(save: (value: T) => Promise<void>) {
  const [message, setMessage] = useState('');
  const submit = async (value: T): Promise<boolean> => {
    try {
      await save(value);
      setMessage('Saved.');
      return true;
    } catch (error) {
      setMessage(`Not saved: ${String(error)}`);
      return false;
    }
  };
  return { message, submit };
}

/** A settings form's Save button and the line that says how saving went. */
export function SaveRow({ label, disabled, message }: { label: string; disabled: boolean; message: string }) {
  return (
    <>
      <div className="actions" style={{ marginTop: 12 }}>
        <button type="submit" disabled={disabled}>
          {label}
        </button>
      </div>
      <p role="status">{message}</p>
    </>
  );
}
