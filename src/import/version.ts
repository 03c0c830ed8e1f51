// Which version of the format a report's tables are (FORMAT.md's signals): 表三's rows (（六）其他处理
// split into three items in 2021, one row in 2019) and 表二's columns and rows; without tables, the
// year, then the document the text cites (a weak signal: 2022 reports still cite 〔2019〕60号).
import { formatForYear, type FormatVersion } from '../format';
import { squashText } from './normalise';

/** Words only one version's 表二 prints (headers, and the rows only 2019 has). */
const S2_WORDS: Readonly<Record<FormatVersion, readonly string[]>> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增',
    '采购项目数量',
    '采购总金额',
    '其他对外管理服务事项',
    '政府集中采购',
    '第二十条第九项',
  ],
};

/** The version 表二's printed words say, from the texts of its cells or lines. */
export function versionOfS2Words(texts: readonly string[]): FormatVersion | undefined {
  let v2021 = 0;
  let v2019 = 0;
  for (const text of texts) {
    if (text.length > 300) continue;
    const t = squashText(text);
    for (const w of S2_WORDS['2021']) if (t.includes(w)) v2021++;
    for (const w of S2_WORDS['2019']) if (t.includes(w)) v2019++;
  }
  if (v2021 === v2019) return undefined;
  return v2021 > v2019 ? '2021' : '2019';
}

export interface VersionSignals {
  readonly s3?: FormatVersion;
  readonly s2?: FormatVersion;
  readonly cited?: FormatVersion;
  readonly year?: number;
}

/** The version of the tables (undefined when the tables tell nothing), and the one the report is read in. */
export function decideVersion(signals: VersionSignals): { tables?: FormatVersion; report: FormatVersion } {
  const tables = signals.s3 ?? signals.s2;
  const year = signals.year !== undefined ? formatForYear(signals.year) : undefined;
  return { ...(tables ? { tables } : {}), report: tables ?? year ?? signals.cited ?? '2021' };
}
