// What the selected cell means: its printed label, what its row counts, the article of the 条例 it
// falls under, the counting rules people get wrong, and the findings that involve this cell.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { CellGuidance, TaskpaneStrings } from '../../i18n';
import type { PaneFinding } from '../live/pane-model';

export interface GuidanceViewProps {
  /** The printed label of the cell (表三 · 自然人 · 本年新收). */
  readonly label: string;
  readonly guidance: CellGuidance;
  readonly findings: readonly PaneFinding[];
  readonly strings: TaskpaneStrings;
}

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  article: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export function GuidanceView({ label, guidance, findings, strings }: GuidanceViewProps): ReactElement {
  const styles = useStyles();
  const t = strings.guidance;
  const notes = [...(guidance.row.notes ?? []), ...guidance.general];
  return (
    <section className={styles.box} aria-labelledby="guidance-title" data-guidance="">
      <h2 className={styles.title} id="guidance-title">
        {t.title(label)}
      </h2>
      <p className={styles.text}>{guidance.row.counts}</p>
      {guidance.row.article ? <p className={styles.article}>{t.article(guidance.row.article)}</p> : null}
      {guidance.table ? <p className={styles.text}>{guidance.table}</p> : null}
      {notes.length > 0 ? (
        <ul className={styles.list} aria-label={t.rules}>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <p className={styles.text}>{findings.length > 0 ? t.findingsHere(findings.length) : t.noFindingsHere}</p>
      {findings.length > 0 ? (
        <ul className={styles.list}>
          {findings.map((f) => (
            <li key={f.findingKey}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
