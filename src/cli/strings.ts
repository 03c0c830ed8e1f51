// The command line's strings are in src/i18n; this gives them with the limits the command line
// enforces, so that the help and the limits cannot drift apart.
import { strings, type CliLimits, type Locale, type Strings } from '../i18n';
import { WORKBOOK_LIMITS } from '../xlsx/limits';
import { FILE_LIMITS } from './read-file';

export const CLI_LIMITS: CliLimits = {
  json: FILE_LIMITS['.json'],
  xlsx: WORKBOOK_LIMITS.fileBytes,
  xlsxUnpacked: WORKBOOK_LIMITS.unpackedBytes,
};

export function cliText(locale: Locale): Strings['cli'] {
  return strings(locale).cli;
}
