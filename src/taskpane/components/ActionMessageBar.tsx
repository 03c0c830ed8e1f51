// Runs a task-pane action and shows how it ended: a success or notice from the action's outcome, or the
// error it threw — never swallowed, always shown to the user (and logged for the developer console).
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCallback, useState, type ReactElement } from 'react';
import type { FirstScreenStrings } from '../../i18n/taskpane/first';

/** What an action reports when it ends without throwing. */
export interface ActionOutcome {
  readonly intent: 'success' | 'info' | 'warning';
  readonly message: string;
}

export type ActionStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly outcome: ActionOutcome }
  | { readonly kind: 'failed'; readonly message: string };

/** A readable message for anything thrown: an Error's message (with an Office error code when there is one). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code: unknown = (error as { code?: unknown }).code;
    const message = error.message || error.name;
    return typeof code === 'string' && code !== '' && !message.includes(code) ? `${message} (${code})` : message;
  }
  if (typeof error === 'string' && error !== '') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

export interface ActionRunner {
  readonly status: ActionStatus;
  readonly run: (action: () => Promise<ActionOutcome>) => Promise<void>;
  readonly dismiss: () => void;
}

/** State for one action at a time: running, then its outcome or its error. */
export function useActionRunner(): ActionRunner {
  const [status, setStatus] = useState<ActionStatus>({ kind: 'idle' });
  const run = useCallback(async (action: () => Promise<ActionOutcome>): Promise<void> => {
    setStatus({ kind: 'running' });
    try {
      setStatus({ kind: 'done', outcome: await action() });
    } catch (error: unknown) {
      console.error(error);
      setStatus({ kind: 'failed', message: describeError(error) });
    }
  }, []);
  const dismiss = useCallback((): void => setStatus({ kind: 'idle' }), []);
  return { status, run, dismiss };
}

export interface ActionMessageBarProps {
  readonly status: ActionStatus;
  readonly strings: FirstScreenStrings;
  readonly onDismiss: () => void;
}

export function ActionMessageBar({ status, strings, onDismiss }: ActionMessageBarProps): ReactElement | null {
  if (status.kind === 'idle' || status.kind === 'running') return null;
  const intent = status.kind === 'failed' ? 'error' : status.outcome.intent;
  const message = status.kind === 'failed' ? status.message : status.outcome.message;
  const title =
    intent === 'error'
      ? strings.common.errorTitle
      : intent === 'success'
        ? strings.common.successTitle
        : strings.common.noticeTitle;
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" size="small" onClick={onDismiss}>
          {strings.common.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
