// The Word side of the task pane. The linked report text comes later; for now it says so.
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { TaskpaneStrings } from '../../i18n/taskpane';

export function WordView({ strings }: { readonly strings: TaskpaneStrings }): ReactElement {
  return (
    <>
      <Body1>{strings.word.description}</Body1>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.word.linkedDocumentTitle}</MessageBarTitle>
          {strings.word.linkedDocument}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
