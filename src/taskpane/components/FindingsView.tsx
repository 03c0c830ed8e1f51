// The findings of the report sheet the user is on: a status line (可以发布, or how many errors and
// warnings), the findings grouped by printed table with errors first, each with its message and the
// buttons it offers (定位 always, 修正 only for a total, 忽略 with a reason only for a warning), and the
// dismissed warnings with their reasons. Every displayed finding carries data-rule, data-severity and
// data-cells, which the scenario runner reads. Actions come in as props.
import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { TaskpaneStrings } from '../../i18n';
import type { PaneFinding, PaneModel } from '../live/pane-model';

export interface FindingActions {
  /** Select every cell of the finding. */
  onLocate(finding: PaneFinding): void;
  /** Write the finding's fix (offered only for totals). */
  onFix(finding: PaneFinding): void;
  onDismiss(finding: PaneFinding, reason: string): void;
  onRestore(findingKey: string): void;
}

export interface FindingsViewProps {
  readonly model: PaneModel;
  readonly strings: TaskpaneStrings;
  readonly groupTitle: (table: PaneModel['groups'][number]['table']) => string;
  readonly actions: FindingActions;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '8px' },
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  message: {
    margin: 0,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
  },
  counts: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
  },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

function FindingItem({
  finding,
  strings,
  actions,
  dismissed,
}: {
  finding: PaneFinding;
  strings: TaskpaneStrings;
  actions: FindingActions;
  dismissed?: { reason: string };
}): ReactElement {
  const styles = useStyles();
  const t = strings.live;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const messageId = `finding-${finding.findingKey.replace(/[^A-Za-z0-9-]/g, '_')}`;
  const submit = (): void => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    actions.onDismiss(finding, reason.trim());
    setAsking(false);
    setReason('');
  };
  return (
    <li
      className={`${styles.item} ${styles[finding.severity]}`}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-cells={finding.cells.join(' ')}
      data-finding-key={finding.findingKey}
      data-dismissed={dismissed ? 'true' : undefined}
      aria-describedby={messageId}
    >
      <p className={styles.message} id={messageId}>
        <Badge
          appearance="tint"
          color={finding.severity === 'error' ? 'danger' : finding.severity === 'warning' ? 'warning' : 'informative'}
          size="small"
        >
          {t.severity[finding.severity]}
        </Badge>{' '}
        {finding.message}
      </p>
      {dismissed ? <p className={styles.reason}>{t.dismissedReason(dismissed.reason)}</p> : null}
      <div className={styles.buttons}>
        <Button size="small" onClick={() => actions.onLocate(finding)} title={t.locateHint}>
          {t.locate}
        </Button>
        {finding.fix && !dismissed ? (
          <Button size="small" appearance="primary" onClick={() => actions.onFix(finding)} title={t.fixHint}>
            {t.fix(String(finding.fix.value))}
          </Button>
        ) : null}
        {finding.dismissable && !dismissed && !asking ? (
          <Button size="small" appearance="subtle" onClick={() => setAsking(true)}>
            {t.dismiss}
          </Button>
        ) : null}
        {dismissed ? (
          <Button size="small" appearance="subtle" onClick={() => actions.onRestore(finding.findingKey)}>
            {t.restore}
          </Button>
        ) : null}
      </div>
      {asking ? (
        <div className={styles.group}>
          <Field
            label={t.dismissPrompt}
            validationMessage={missing ? t.reasonRequired : undefined}
            validationState={missing ? 'error' : 'none'}
          >
            <Textarea
              value={reason}
              resize="vertical"
              onChange={(_e, data) => {
                setReason(data.value);
                setMissing(false);
              }}
            />
          </Field>
          <div className={styles.buttons}>
            <Button size="small" appearance="primary" onClick={submit}>
              {t.dismissConfirm}
            </Button>
            <Button size="small" onClick={() => setAsking(false)}>
              {t.dismissCancel}
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

export function FindingsView({ model, strings, groupTitle, actions }: FindingsViewProps): ReactElement {
  const styles = useStyles();
  const t = strings.live;
  return (
    <section aria-label={model.ready ? t.ready : t.problems(model.errors, model.warnings)} className={styles.group}>
      <div role="status" aria-live="polite" data-status={model.ready ? 'ready' : 'problems'}>
        {model.ready ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.ready}</MessageBarTitle>
              {model.infos > 0 ? t.infos(model.infos) : t.readyDetail}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent={model.errors > 0 ? 'error' : 'warning'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.problems(model.errors, model.warnings)}</MessageBarTitle>
              {model.blanks > 0 ? t.blanks(model.blanks) : null}
              {model.infos > 0 ? t.infos(model.infos) : null}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {model.groups.map((group) => (
        <section key={group.table} className={styles.group} aria-labelledby={`group-${group.table}`}>
          <h2 className={styles.groupTitle} id={`group-${group.table}`}>
            {groupTitle(group.table)}
            <span className={styles.counts}>{t.groupCounts(group.errors, group.warnings, group.infos)}</span>
          </h2>
          <ul className={styles.list}>
            {group.findings.map((f) => (
              <FindingItem key={f.findingKey} finding={f} strings={strings} actions={actions} />
            ))}
          </ul>
        </section>
      ))}
      {model.dismissed.length > 0 ? (
        <section className={styles.group} aria-labelledby="group-dismissed" data-dismissed="">
          <h2 className={styles.groupTitle} id="group-dismissed">
            {t.dismissedTitle(model.dismissed.length)}
          </h2>
          <ul className={styles.list}>
            {model.dismissed.map((d) => (
              <FindingItem
                key={d.finding.findingKey}
                finding={d.finding}
                strings={strings}
                actions={actions}
                dismissed={{ reason: d.reason }}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
