// What the pane's sections that read files share (导入上年报告, 汇总下级单位): a button that opens the
// browser's file dialog (a hidden file input, emptied first so that the same file can be picked again)
// and hands over the picked files' bytes, and a task state — running, then its result or its error in
// the user's words.
import { Button } from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';
import type { PickedSource } from './PreviousSection';

/** The kinds the pane reads a report from. */
export const REPORT_FILE_TYPES = '.xlsx,.json,.txt,.html,.htm,.docx';

export interface PickFilesButtonProps {
  readonly label: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly onPick: (files: readonly File[]) => void;
}

export function PickFilesButton({ label, multiple, disabled, onPick }: PickFilesButtonProps): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        {...(multiple ? { multiple: true } : {})}
        accept={REPORT_FILE_TYPES}
        aria-label={label}
        style={{ display: 'none' }}
        onChange={(e) => {
          const files = e.currentTarget.files ? Array.from(e.currentTarget.files) : [];
          if (files.length > 0) onPick(files);
        }}
      />
      <Button
        disabled={disabled}
        onClick={() => {
          if (input.current) {
            input.current.value = '';
            input.current.click();
          }
        }}
      >
        {label}
      </Button>
    </>
  );
}

/** A picked file's name and bytes. */
export async function pickedSource(file: File): Promise<PickedSource> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A section's state with its task runner: `run(task)` shows `running`, then what the task gives, or
 * `failed` with the error in the user's words (`describe`).
 */
export function useTaskState<S extends { readonly kind: string }>(
  initial: S,
  describe: (error: unknown) => string,
): {
  shown: S | { readonly kind: 'running' } | { readonly kind: 'failed'; readonly message: string };
  setShown: (s: S) => void;
  run: (task: () => Promise<S>) => Promise<void>;
} {
  type Shown = S | { readonly kind: 'running' } | { readonly kind: 'failed'; readonly message: string };
  const [shown, setShown] = useState<Shown>(initial);
  const run = async (task: () => Promise<S>): Promise<void> => {
    setShown({ kind: 'running' });
    try {
      setShown(await task());
    } catch (error) {
      console.error(error);
      setShown({ kind: 'failed', message: describe(error) });
    }
  };
  return { shown, setShown, run };
}
