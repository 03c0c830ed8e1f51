// 生成 Word 文稿 for the report sheet the user is on: the linked skeleton of the report's text as a file.
// What it writes and how it is offered (a download, or a message where the host allows none) is the
// action's business; this shows the button and how it ended.
import { Body1, Button, Spinner, Subtitle2 } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { TaskpaneStrings } from '../../i18n/taskpane';
import { ActionMessageBar, useActionRunner, type ActionOutcome } from './ActionMessageBar';

export interface DocumentSectionProps {
  readonly strings: TaskpaneStrings;
  /** Generates the document of the current sheet and says how it went. */
  readonly onGenerate: () => Promise<ActionOutcome>;
}

export function DocumentSection({ strings, onGenerate }: DocumentSectionProps): ReactElement {
  const t = strings.document;
  const runner = useActionRunner();
  const running = runner.status.kind === 'running';
  return (
    <section aria-label={t.title} style={{ display: 'flex', flexDirection: 'column', rowGap: '8px' }}>
      <Subtitle2 as="h2">{t.title}</Subtitle2>
      <Body1>{t.description}</Body1>
      <div>
        <Button
          appearance="secondary"
          disabled={running}
          icon={running ? <Spinner size="tiny" /> : undefined}
          onClick={() => void runner.run(onGenerate)}
        >
          {t.generate}
        </Button>
      </div>
      <ActionMessageBar status={runner.status} strings={strings} onDismiss={runner.dismiss} />
    </section>
  );
}
