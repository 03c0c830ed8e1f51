// First module of the test flavour's task pane (test/office/webpack.config.js): starts the scenario
// driver before the production pane (src/taskpane/index.tsx, the next module of the same entry)
// starts, so that the driver's Office.onReady callback — which wraps the event handlers — runs first.
import { startDriver } from './driver';

startDriver();
