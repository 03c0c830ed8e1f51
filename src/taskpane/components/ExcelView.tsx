// The Excel side of the task pane: choose format version, year and agency, then insert the official tables.
// The insertion itself comes in as a prop; this component never touches Office.
import { Body1, Button, Field, Input, Radio, RadioGroup, Spinner, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties, type ReactElement } from 'react';
import { FORMAT_VERSIONS, type FormatVersion } from '../../format/types';
import { formatForYear, isFormatVersion } from '../../format/version';
import { AGENCY_KINDS, type AgencyKind } from '../../report/report';
import type { FirstScreenStrings } from '../../i18n/taskpane/first';
import { ActionMessageBar, useActionRunner, type ActionOutcome } from './ActionMessageBar';

/** What the user asked for when inserting the official tables. */
export interface InsertTemplateOptions {
  readonly formatVersion: FormatVersion;
  readonly year: number;
  /** Trimmed; may be empty (the agency fills it in later). */
  readonly agencyName: string;
  readonly kind: AgencyKind;
}

/** Inserts the tables; resolves with a notice to show, or nothing for the plain success message; throws on failure. */
export type InsertTemplateAction = (options: InsertTemplateOptions) => Promise<ActionOutcome | void>;

/** The first year an official format applies to (the 2019 format, first used for 2019 reports). */
export const FIRST_REPORT_YEAR = 2019;

/** A year typed by the user (full-width digits allowed), or null when it is not a year we can report on. */
export function parseReportYear(text: string, latestYear: number): number | null {
  const ascii = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  if (!/^\d{4}$/.test(ascii)) return null;
  const year = Number(ascii);
  return year >= FIRST_REPORT_YEAR && year <= latestYear ? year : null;
}

// Inline styles, not makeStyles, on the first screen (see App.tsx).
const styles = {
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', justifyContent: 'flex-start' },
} satisfies Record<string, CSSProperties>;

export interface ExcelViewProps {
  readonly strings: FirstScreenStrings;
  /** The latest report year accepted (normally the current calendar year); the default year is the one before. */
  readonly currentYear: number;
  readonly onInsertTemplate: InsertTemplateAction;
}

export function ExcelView({ strings, currentYear, onInsertTemplate }: ExcelViewProps): ReactElement {
  const runner = useActionRunner();
  const [yearText, setYearText] = useState(String(currentYear - 1));
  const [agencyName, setAgencyName] = useState('');
  const [kind, setKind] = useState<AgencyKind>('department');
  // Until the user picks a format, it follows the year.
  const [chosenFormat, setChosenFormat] = useState<FormatVersion | null>(null);

  const year = parseReportYear(yearText, currentYear);
  const expectedFormat = year === null ? null : formatForYear(year);
  const formatVersion = chosenFormat ?? expectedFormat ?? FORMAT_VERSIONS[0];
  const formatMismatch = expectedFormat !== null && expectedFormat !== formatVersion;
  const running = runner.status.kind === 'running';

  const insert = (): void => {
    if (year === null) return;
    const options: InsertTemplateOptions = { formatVersion, year, agencyName: agencyName.trim(), kind };
    void runner.run(async () => {
      const outcome = await onInsertTemplate(options);
      return outcome ?? { intent: 'success', message: strings.excel.inserted };
    });
  };

  return (
    <>
      <Body1>{strings.excel.description}</Body1>
      <form
        style={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          insert();
        }}
      >
        <Field
          label={strings.excel.yearLabel}
          required
          validationState={year === null ? 'error' : 'none'}
          validationMessage={year === null ? strings.excel.yearInvalid(FIRST_REPORT_YEAR, currentYear) : undefined}
        >
          <Input
            value={yearText}
            inputMode="numeric"
            maxLength={4}
            onChange={(_event, data) => setYearText(data.value)}
          />
        </Field>
        <Field
          label={strings.excel.formatLabel}
          validationState={formatMismatch ? 'warning' : 'none'}
          validationMessage={
            formatMismatch && year !== null ? strings.excel.formatHint(year, expectedFormat) : undefined
          }
          hint={!formatMismatch && year !== null ? strings.excel.formatHint(year, formatVersion) : undefined}
        >
          <RadioGroup
            value={formatVersion}
            onChange={(_event, data) => {
              if (isFormatVersion(data.value)) setChosenFormat(data.value);
            }}
          >
            {FORMAT_VERSIONS.map((version) => (
              <Radio key={version} value={version} label={strings.excel.formatOption[version]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={strings.excel.agencyLabel}>
          <Input
            value={agencyName}
            placeholder={strings.excel.agencyPlaceholder}
            onChange={(_event, data) => setAgencyName(data.value)}
          />
        </Field>
        <Field label={strings.excel.kindLabel} hint={strings.excel.kindHint}>
          <RadioGroup
            value={kind}
            onChange={(_event, data) => {
              const picked = AGENCY_KINDS.find((k) => k === data.value);
              if (picked) setKind(picked);
            }}
          >
            {AGENCY_KINDS.map((k) => (
              <Radio key={k} value={k} label={strings.excel.kindOption(k)} />
            ))}
          </RadioGroup>
        </Field>
        <div style={styles.actions}>
          <Button
            appearance="primary"
            type="submit"
            disabled={year === null || running}
            icon={running ? <Spinner size="tiny" /> : undefined}
          >
            {running ? strings.common.working : strings.excel.insertTemplate}
          </Button>
        </div>
      </form>
      <ActionMessageBar status={runner.status} strings={strings} onDismiss={runner.dismiss} />
    </>
  );
}
