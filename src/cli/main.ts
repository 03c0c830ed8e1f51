#!/usr/bin/env node
// The `nianbao` command line (INTERFACES.md): argument parsing and dispatch; the commands live in
// their own modules and write through a CliIo so tests can run them in-process. Every failure ends
// in exit 2 with one sentence in the user's language: bad arguments name the option, and a fault of
// the program itself prints a short notice instead of a stack trace (NIANBAO_DEBUG=1 shows it).
import { parseArgs } from 'util';
import { isFormatVersion, type Locale } from '../format';
import { AGENCY_KINDS, readYear, type AgencyKind, type Profile } from '../report';
import { runCheck } from './check';
import { runTemplate } from './template';
import { runDocx } from './docx';
import { runMerge } from './merge';
import { processIo, type CliIo } from './io';
import { isLocaleTag, pickLocale as localeOfTag, type CliStrings } from '../i18n';
import { CLI_LIMITS, cliText } from './strings';

/** A usage error, its message already in the user's language. */
class UsageError extends Error {}

/** The --lang value (`--lang X` or `--lang=X`) as given, before any parsing. */
function langArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') value = argv[i + 1];
    else if (argv[i].startsWith('--lang=')) value = argv[i].slice('--lang='.length);
  }
  return value;
}

function pickLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const value = langArgument(argv) ?? env.NIANBAO_LANG;
  return value !== undefined && isLocaleTag(value) ? localeOfTag(value) : 'zh-CN';
}

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

const COMMON: Readonly<Record<string, OptionSpec>> = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const CHECK_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...COMMON,
  json: { type: 'boolean' },
  previous: { type: 'string' },
  year: { type: 'string' },
  format: { type: 'string' },
  kind: { type: 'string' },
};

const TEMPLATE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...COMMON,
  out: { type: 'string', short: 'o' },
  year: { type: 'string' },
  format: { type: 'string' },
  agency: { type: 'string' },
  kind: { type: 'string' },
  data: { type: 'string' },
  force: { type: 'boolean' },
};

const DOCX_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...COMMON,
  out: { type: 'string', short: 'o' },
  previous: { type: 'string' },
  force: { type: 'boolean' },
};

const MERGE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...COMMON,
  out: { type: 'string', short: 'o' },
  expect: { type: 'string' },
  json: { type: 'boolean' },
  year: { type: 'string' },
  format: { type: 'string' },
  agency: { type: 'string' },
  kind: { type: 'string' },
  force: { type: 'boolean' },
};

interface Parsed {
  readonly values: Readonly<Record<string, string | true>>;
  readonly positionals: readonly string[];
}

/**
 * Arguments checked token by token: parseArgs in strict mode would throw English messages, so it
 * runs loose and every rule it would enforce is enforced here, with our own words. A string option
 * given twice is an error (parseArgs would keep the last one silently).
 */
function parseOptions(
  command: string,
  args: readonly string[],
  spec: Readonly<Record<string, OptionSpec>>,
  t: CliStrings,
): Parsed {
  const { tokens } = parseArgs({
    args: [...args],
    options: spec,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = Object.prototype.hasOwnProperty.call(spec, token.name) ? spec[token.name] : undefined;
    const shown = token.rawName.startsWith('--') ? token.rawName : `${token.rawName} (--${token.name})`;
    if (!option) throw new UsageError(t.unknownOption(token.rawName, command));
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(t.noValueExpected(shown));
      values[token.name] = true;
      continue;
    }
    // A value that looks like an option is the next option: this one's value was forgotten.
    if (token.value === undefined || (!token.inlineValue && /^-./.test(token.value))) {
      throw new UsageError(t.missingValue(shown));
    }
    if (values[token.name] !== undefined) throw new UsageError(t.repeatedOption(`--${token.name}`));
    values[token.name] = token.value;
  }
  if (typeof values.lang === 'string' && !isLocaleTag(values.lang)) {
    throw new UsageError(t.badChoice('--lang', values.lang, ['zh-CN', 'en-US']));
  }
  return { values, positionals };
}

function profileOverrides(values: Readonly<Record<string, string | true>>, t: CliStrings): Partial<Profile> {
  const overrides: Partial<Profile> = {};
  if (typeof values.year === 'string') {
    const reading = readYear(values.year);
    if (!reading?.ok) throw new UsageError(t.badYear(values.year, reading?.problem ?? 'notAYear'));
    overrides.year = reading.year;
  }
  if (typeof values.format === 'string') {
    if (!isFormatVersion(values.format)) throw new UsageError(t.badChoice('--format', values.format, ['2019', '2021']));
    overrides.format = values.format;
  }
  if (typeof values.kind === 'string') {
    if (!AGENCY_KINDS.includes(values.kind as AgencyKind))
      throw new UsageError(t.badChoice('--kind', values.kind, AGENCY_KINDS));
    overrides.kind = values.kind as AgencyKind;
  }
  if (typeof values.agency === 'string') overrides.agency = values.agency;
  return overrides;
}

/** True if `check --json` was asked for, so that even a usage error answers in one JSON document. */
function wantsJson(command: string | undefined, rest: readonly string[]): boolean {
  if (command !== 'check' && command !== 'merge') return false;
  const end = rest.indexOf('--');
  return (end < 0 ? rest : rest.slice(0, end)).includes('--json');
}

export async function run(
  argv: readonly string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const locale = pickLocale(argv, env);
  const t = cliText(locale);
  const [command, ...rest] = argv;
  const json = wantsJson(command, rest);
  let wroteOut = false;
  const tracked: CliIo = {
    out: (text) => {
      wroteOut = true;
      io.out(text);
    },
    err: (text) => io.err(text),
    ...(io.errIsTTY ? { errIsTTY: true } : {}),
  };
  /** With --json, stdout is one JSON document whatever fails. */
  const fail = (message: string): number => {
    io.err(`${message}\n`);
    if (json && !wroteOut) io.out(`${JSON.stringify({ files: [], error: message }, null, 2)}\n`);
    return 2;
  };
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      tracked.out(t.help(CLI_LIMITS));
      return command ? 0 : 2;
    }
    switch (command) {
      case 'check': {
        const { values, positionals } = parseOptions(command, rest, CHECK_OPTIONS, t);
        if (values.help) {
          tracked.out(t.help(CLI_LIMITS));
          return 0;
        }
        const overrides = profileOverrides(values, t);
        if (positionals.length === 0) throw new UsageError(t.noFiles);
        return await runCheck(
          {
            files: positionals,
            json: values.json === true,
            ...(typeof values.previous === 'string' ? { previous: values.previous } : {}),
            overrides,
            locale,
            debug: Boolean(env.NIANBAO_DEBUG),
          },
          tracked,
        );
      }
      case 'template': {
        const { values, positionals } = parseOptions(command, rest, TEMPLATE_OPTIONS, t);
        if (values.help) {
          tracked.out(t.help(CLI_LIMITS));
          return 0;
        }
        if (positionals.length > 0) throw new UsageError(t.unexpectedArgument(command, positionals[0]));
        return await runTemplate(
          {
            ...(typeof values.out === 'string' ? { out: values.out } : {}),
            ...(typeof values.data === 'string' ? { data: values.data } : {}),
            overrides: profileOverrides(values, t),
            force: values.force === true,
            locale,
          },
          tracked,
        );
      }
      case 'docx': {
        const { values, positionals } = parseOptions(command, rest, DOCX_OPTIONS, t);
        if (values.help) {
          tracked.out(t.help(CLI_LIMITS));
          return 0;
        }
        if (positionals.length === 0) throw new UsageError(t.docxNoFile);
        if (positionals.length > 1) throw new UsageError(t.unexpectedArgument(command, positionals[1]));
        return await runDocx(
          {
            file: positionals[0],
            ...(typeof values.out === 'string' ? { out: values.out } : {}),
            ...(typeof values.previous === 'string' ? { previous: values.previous } : {}),
            force: values.force === true,
            locale,
          },
          tracked,
        );
      }
      case 'merge': {
        const { values, positionals } = parseOptions(command, rest, MERGE_OPTIONS, t);
        if (values.help) {
          tracked.out(t.help(CLI_LIMITS));
          return 0;
        }
        const overrides = profileOverrides(values, t);
        if (positionals.length === 0) throw new UsageError(t.mergeNoFiles);
        if (typeof values.out !== 'string') throw new UsageError(t.mergeNoOut);
        return await runMerge(
          {
            files: positionals,
            out: values.out,
            ...(typeof values.expect === 'string' ? { expect: values.expect } : {}),
            json: values.json === true,
            overrides,
            force: values.force === true,
            locale,
          },
          tracked,
        );
      }
      default:
        throw new UsageError(t.unknownCommand(command));
    }
  } catch (err) {
    if (err instanceof UsageError) return fail(t.withHelp(err.message));
    if (env.NIANBAO_DEBUG) io.err(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return fail(`${t.internalError}${env.NIANBAO_DEBUG ? '' : t.internalErrorHint}`);
  }
}

if (require.main === module) {
  // `nianbao check … | head` closes stdout early: that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      // run() answers every failure itself; this is only reached if writing the answer failed.
      process.exitCode = 2;
    },
  );
}
