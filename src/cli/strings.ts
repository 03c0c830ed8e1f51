// The command line's strings are in src/i18n; this gives them with the limits the command line
// enforces, so that the help and the limits cannot drift apart.
import { strings, type CliLimits, type Locale, type Strings } from '../i18n';
import type { CliTextLimits } from '../i18n/zh-CN';
import { WORKBOOK_LIMITS } from '../xlsx/limits';
import { FILE_LIMITS } from './read-file';

export const CLI_LIMITS: CliLimits & CliTextLimits = {
  json: FILE_LIMITS['.json'],
  xlsx: WORKBOOK_LIMITS.fileBytes,
  xlsxUnpacked: WORKBOOK_LIMITS.unpackedBytes,
  txt: FILE_LIMITS['.txt'],
  ...(FILE_LIMITS['.html'] !== undefined ? { html: FILE_LIMITS['.html'] } : {}),
  ...(FILE_LIMITS['.docx'] !== undefined ? { docx: FILE_LIMITS['.docx'] } : {}),
};

export function cliText(locale: Locale): Strings['cli'] {
  return strings(locale).cli;
}
