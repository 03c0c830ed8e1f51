// The shapes every locale fills in: one message template per rule, typed by the rule's own
// parameters, so that a misspelt parameter fails to compile instead of printing an empty string.
import type { FormatVersion } from '../format';
import type { InputErrorCode, InputErrorParams, Profile } from '../report';
import type { Finding, RuleId, Severity, Summary } from '../rules';
import type { MessageKit } from './kit';

export type RuleMessage<R extends RuleId> = (f: Finding<R>, k: MessageKit) => string;

export type RuleMessages = { readonly [R in RuleId]: RuleMessage<R> };

/** One message per input-error code; the parameters arrive printable (escaped, shortened). */
export type InputErrorMessages = Readonly<Record<InputErrorCode, (p: InputErrorParams) => string>>;

/** The sizes the command line refuses beyond (its help states them). */
export interface CliLimits {
  readonly json: number;
  readonly xlsx: number;
  readonly xlsxUnpacked: number;
}

/** Every text the command line prints. Texts from the user's files and arguments are made printable. */
export interface CliStrings {
  /** The help, with the file limits the command line enforces. */
  usage(limits: CliLimits): string;
  profileLine(p: Profile): string;
  noFindings: string;
  groupTitle(group: 'report' | 's2' | 's3' | 's4'): string;
  severityMark(s: Severity): string;
  summary(s: Summary): string;
  manyBlanks(table: string, count: number, first: readonly string[], version: FormatVersion): string;
  previousUnreadable(file: string, reason: string): string;
  previousSeveral(file: string, count: number): string;
  previousYear(file: string, previousYear: number, year: number): string;
  previousWithEmbedded(file: string): string;
  unknownCommand(name: string): string;
  unknownOption(option: string, command: string): string;
  missingValue(option: string): string;
  noValueExpected(option: string): string;
  repeatedOption(option: string): string;
  unexpectedArgument(command: string, argument: string): string;
  badYear(value: string, problem: 'twoDigits' | 'notAYear'): string;
  badChoice(option: string, value: string, choices: readonly string[]): string;
  /** A usage error, then how to get help; said once. */
  withHelp(message: string): string;
  /** A failure of the program itself, not of the input: no stack trace, no English. */
  internalError: string;
  internalErrorHint: string;
  /** Why a file could not be written, from the system's error code. */
  writeReason(code: string): string;
  noFiles: string;
  notYet(command: string): string;
  templateWritten(file: string, versions: readonly string[], sheets: number, filled: boolean): string;
  templateExists(file: string): string;
  templateNotXlsx(file: string): string;
  templateUnwritable(file: string, reason: string): string;
  templateDataUnreadable(file: string, reason: string): string;
  templateDropped(count: number, first: readonly string[]): string;
  templateFormatForbidden(year: number, format: string, required: string): string;
}
