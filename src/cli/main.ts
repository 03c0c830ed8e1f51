#!/usr/bin/env node
// The `nianbao` command line (INTERFACES.md): argument parsing and dispatch; the commands live in
// their own modules and write through a CliIo so tests can run them in-process.
import { parseArgs } from 'util';
import { isFormatVersion, type Locale } from '../format';
import { AGENCY_KINDS, type AgencyKind, type Profile } from '../report';
import { runCheck } from './check';
import { runTemplate } from './template';
import { processIo, type CliIo } from './io';
import { cliText } from './strings';

class UsageError extends Error {}

function pickLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : env.NIANBAO_LANG;
  return value && /^en/i.test(value) ? 'en-US' : 'zh-CN';
}

function profileOverrides(values: Record<string, string | boolean | undefined>): Partial<Profile> {
  const overrides: Partial<Profile> = {};
  if (typeof values.year === 'string') {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year ${values.year}`);
    overrides.year = Number(values.year);
  }
  if (typeof values.format === 'string') {
    if (!isFormatVersion(values.format)) throw new UsageError(`--format ${values.format} (2019 | 2021)`);
    overrides.format = values.format;
  }
  if (typeof values.kind === 'string') {
    if (!AGENCY_KINDS.includes(values.kind as AgencyKind))
      throw new UsageError(`--kind ${values.kind} (${AGENCY_KINDS.join(' | ')})`);
    overrides.kind = values.kind as AgencyKind;
  }
  if (typeof values.agency === 'string') overrides.agency = values.agency;
  return overrides;
}

const COMMON = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(
  argv: readonly string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const locale = pickLocale(argv, env);
  const t = cliText(locale);
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(t.usage);
      return command ? 0 : 2;
    }
    switch (command) {
      case 'check': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            ...COMMON,
            json: { type: 'boolean' },
            previous: { type: 'string' },
            year: { type: 'string' },
            format: { type: 'string' },
            kind: { type: 'string' },
          },
        });
        if (values.help) {
          io.out(t.usage);
          return 0;
        }
        if (positionals.length === 0) throw new UsageError(t.noFiles);
        return await runCheck(
          {
            files: positionals,
            json: values.json === true,
            ...(values.previous ? { previous: values.previous } : {}),
            overrides: profileOverrides(values),
            locale,
          },
          io,
        );
      }
      case 'template': {
        const { values } = parseArgs({
          args: [...rest],
          allowPositionals: false,
          options: {
            ...COMMON,
            out: { type: 'string', short: 'o' },
            year: { type: 'string' },
            format: { type: 'string' },
            agency: { type: 'string' },
            kind: { type: 'string' },
            data: { type: 'string' },
            force: { type: 'boolean' },
          },
        });
        if (values.help) {
          io.out(t.usage);
          return 0;
        }
        return await runTemplate(
          {
            ...(values.out ? { out: values.out } : {}),
            ...(values.data ? { data: values.data } : {}),
            overrides: profileOverrides(values),
            force: values.force === true,
            locale,
          },
          io,
        );
      }
      case 'docx':
        io.err(`${t.notYet(command)}\n`);
        return 2;
      default:
        throw new UsageError(t.unknownCommand(command));
    }
  } catch (err) {
    // parseArgs signals bad options with a TypeError whose code starts ERR_PARSE_ARGS (checked by
    // code, not instanceof, which fails across realms).
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    if (err instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      const message = err instanceof Error ? err.message : String(err);
      io.err(`${err instanceof UsageError && message === t.noFiles ? message : t.badOption(message)}\n`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`nianbao: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
