// WordResults comes in the Word side's lazy chunk, which the composition root loads right after the first
// render: by the time an action has a result, it is there. Until then a spinner; if the chunk cannot be
// loaded, an error in the user's language.
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { firstScreenStrings } from '../../i18n/taskpane/first';
import { lazyComponent } from '../lazy';
import type { WordResultsProps } from './WordResults';

const wordResults = lazyComponent<WordResultsProps>(
  () => import(/* webpackChunkName: "word" */ './WordResults').then((m) => m.WordResults),
  {
    loading: ({ locale }) => <Spinner size="small" label={firstScreenStrings(locale).common.loading} />,
    failed: ({ locale }) => {
      const strings = firstScreenStrings(locale).common;
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
            {strings.loadFailed}
          </MessageBarBody>
        </MessageBar>
      );
    },
  },
);

export const LazyWordResults = wordResults.Component;
/** Loads the results view's chunk; the composition root calls it with the rest of the Word side. */
export const preloadWordResults = wordResults.preload;
