// LivePanel (with FindingsView, GuidanceView and the guidance texts) comes in the pane's lazy "live"
// chunk, with the live-validation machinery the composition root loads right after the first render:
// by the time there is live state to show, the panel is normally there. Until then a spinner; if the
// chunk cannot be loaded, an error in the user's language.
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { firstScreenStrings } from '../../i18n/taskpane/first';
import { lazyComponent } from '../lazy';
import type { LivePanelProps } from './LivePanel';

const livePanel = lazyComponent<LivePanelProps>(
  () => import(/* webpackChunkName: "live" */ './LivePanel').then((m) => m.LivePanel),
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

export const LazyLivePanel = livePanel.Component;
/** Loads the panel's chunk; the composition root calls it with the rest of the live chunk. */
export const preloadLivePanel = livePanel.preload;
