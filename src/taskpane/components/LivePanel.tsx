// Live validation in the pane: for the report sheet the user is on, the findings (FindingsView) and,
// when the selection is in a data cell, what that cell means (GuidanceView). Says when this Excel has
// no change events (重新校验 instead) and when a sheet's template is damaged. Actions come in as props.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { cellLabel, type Locale } from '../../format';
import { guidanceFor, strings as localeStrings } from '../../i18n';
import type { LiveState } from '../live/controller';
import { findingsAt, type PaneFinding } from '../live/pane-model';
import type { ActionOutcome } from './ActionMessageBar';
import { DocumentSection } from './DocumentSection';
import { PreviousSection, type PreviousActions } from './PreviousSection';
import { MergeSection, type MergeActions } from './MergeSection';
import { FindingsView } from './FindingsView';
import { GuidanceView } from './GuidanceView';

export interface LiveActions {
  onLocate(sheet: string, finding: PaneFinding): void;
  onFix(sheet: string, finding: PaneFinding): void;
  onDismiss(sheet: string, finding: PaneFinding, reason: string): void;
  onRestore(sheet: string, findingKey: string): void;
  onRecheck(): void;
  /** 修复表格 on a damaged sheet. */
  onRepair(sheet: string): void;
  /** 导入上年报告 for a report sheet; absent where the host cannot store it. */
  previous?(sheet: string): PreviousActions;
  /** 生成 Word 文稿 of a report sheet; absent where the host cannot offer it. */
  onGenerateDocument?(sheet: string): Promise<ActionOutcome>;
  /** 汇总下级单位: offered also in a workbook without report sheets. */
  merge?: MergeActions;
}

export interface LivePanelProps {
  readonly state: LiveState;
  readonly locale: Locale;
  readonly actions: LiveActions;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  sheet: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
});

export function LivePanel({ state, locale, actions }: LivePanelProps): ReactElement | null {
  const styles = useStyles();
  const all = localeStrings(locale);
  const t = all.taskpane.live;
  const current = state.sheets.find((s) => s.sheet === state.active) ?? state.sheets[0];
  const repair = state.repair;
  if (!current && state.damaged.length === 0 && !repair) {
    return actions.merge ? (
      <div className={styles.panel}>
        <MergeSection key="merge" strings={all.taskpane} actions={actions.merge} />
      </div>
    ) : null;
  }
  const version = current?.version;
  const selection = current && state.selection?.sheet === current.sheet ? state.selection.key : undefined;
  const guidance = selection && version ? guidanceFor(version, selection, locale) : undefined;
  const labelOf = (key: string): string =>
    cellLabel(repair?.phase === 'done' && version ? version : '2021', key, locale);
  return (
    <div className={styles.panel}>
      {current ? <p className={styles.sheet}>{t.sheet(current.sheet)}</p> : null}
      {state.mode === 'manual' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.manualTitle}</MessageBarTitle>
            {t.manual}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={actions.onRecheck}>{t.recheck}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {state.damaged.map((d) => {
        const running = repair?.sheet === d.sheet && repair.phase === 'running';
        return (
          <MessageBar key={d.sheet} intent="error" layout="multiline" data-damaged={d.sheet}>
            <MessageBarBody>
              <MessageBarTitle>{`${t.damagedTitle}：${d.sheet}`}</MessageBarTitle>
              {t.damaged}
              {d.missingRows.length > 0 ? ` ${t.damagedRows(d.missingRows.join('；'))}` : ''}
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" disabled={running} onClick={() => actions.onRepair(d.sheet)}>
                {running ? t.repairing : t.repair}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
      {repair?.phase === 'done' ? (
        <MessageBar
          intent={repair.lost.length > 0 ? 'warning' : 'success'}
          layout="multiline"
          data-repaired={repair.sheet}
        >
          <MessageBarBody>
            {t.repaired(repair.sheet, repair.kept)}
            {repair.lost.length > 0 ? ` ${t.repairedLost(repair.lost.map(labelOf).join('；'))}` : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {repair?.phase === 'refused' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t.unrecognized(repair.sheet)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {current ? (
        <FindingsView
          model={current.model}
          strings={all.taskpane}
          groupTitle={all.cli.groupTitle}
          actions={{
            onLocate: (f) => actions.onLocate(current.sheet, f),
            onFix: (f) => actions.onFix(current.sheet, f),
            onDismiss: (f, reason) => actions.onDismiss(current.sheet, f, reason),
            onRestore: (key) => actions.onRestore(current.sheet, key),
          }}
        />
      ) : null}
      {current && selection && guidance && version ? (
        <GuidanceView
          label={cellLabel(version, selection, locale)}
          guidance={guidance}
          findings={findingsAt(current.model, selection)}
          strings={all.taskpane}
        />
      ) : null}
      {current && actions.previous ? (
        <PreviousSection
          key={`previous-${current.sheet}`}
          strings={all.taskpane}
          {...(current.report.profile.year !== undefined ? { year: current.report.profile.year } : {})}
          {...(current.previous ? { current: current.previous } : {})}
          actions={actions.previous(current.sheet)}
        />
      ) : null}
      {current && actions.onGenerateDocument ? (
        <DocumentSection
          key={current.sheet}
          strings={all.taskpane}
          onGenerate={() => actions.onGenerateDocument?.(current.sheet) ?? Promise.reject(new Error('no action'))}
        />
      ) : null}
      {actions.merge ? <MergeSection key="merge" strings={all.taskpane} actions={actions.merge} /> : null}
    </div>
  );
}
