// The task pane's first-screen strings in en-US (header, banners, the insert form, the Word view's
// buttons): all the pane loads before its first render. The rest are in ./en-US.ts.
import type { FormatVersion } from '../../format/types';
import type { AgencyKind } from '../../report/report';
import { KINDS_EN } from '../kinds';
import type { firstZhCN } from './first-zh-CN';

export const firstEnUS: typeof firstZhCN = {
  common: {
    title: 'Annual Report Assistant',
    subtitle: 'Annual report on government information disclosure',
    outsideOfficeTitle: 'Open this inside Excel or Word',
    outsideOffice:
      'This page is an Office add-in and works only inside Excel or Word. In a browser you can preview the interface; the buttons change no document.',
    unsupportedHostTitle: 'This application is not supported',
    unsupportedHost: (hostName: string): string =>
      `The Annual Report Assistant works only in Excel and Word (current application: ${hostName}).`,
    errorTitle: 'Something went wrong',
    successTitle: 'Done',
    noticeTitle: 'Note',
    dismiss: 'Dismiss',
    working: 'Working…',
    loading: 'Loading…',
    loadFailed:
      'Part of the Annual Report Assistant could not be loaded (the network may be down). Check the connection, then close and reopen the task pane.',
  },
  excel: {
    description:
      'Insert the official tables (parts 2, 3 and 4) into this workbook and check the figures against each other as you type.',
    formatLabel: 'Report format',
    formatOption: {
      '2021': '2021 format (General Office letter [2021] No. 30)',
      '2019': '2019 format (General Office letter [2019] No. 60)',
    },
    formatHint: (year: number, version: FormatVersion): string => `Reports for ${year} use the ${version} format.`,
    yearLabel: 'Report year',
    yearInvalid: (min: number, max: number): string => `Enter a year from ${min} to ${max}.`,
    agencyLabel: 'Agency name',
    agencyPlaceholder: 'e.g. General Office of the City People’s Government',
    kindLabel: 'Kind of agency',
    kindHint:
      'Governments and their general offices also report on assessments, the annual work priorities and other items.',
    kindOption: (kind: AgencyKind): string => `${KINDS_EN[kind].label}${KINDS_EN[kind].detail}`,
    insertTemplate: 'Insert official tables',
    inserted: 'The official tables have been inserted.',
  },
  word: {
    description:
      'Write the annual report’s text in Word: generate its skeleton from the filled report tables in Excel, with every figure linked to the tables; after the tables change, refresh the figures — only the figures change, never your text.',
    generate: 'Generate from workbook',
    generateHint:
      'Pick the workbook with the filled report tables (.xlsx, or nianbao’s .json); the skeleton of the six parts goes at the end of the document.',
    refresh: 'Refresh figures',
    refreshHint: 'Pick the workbook again: the linked figures of the document become the tables’ figures.',
    pickFile: 'Pick the workbook',
    reading: 'Reading…',
  },
  notInOffice: 'Open the Annual Report Assistant inside Excel or Word to do this.',
};
