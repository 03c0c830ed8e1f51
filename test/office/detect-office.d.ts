// Types of detect-office.js (CommonJS, shared with main.mjs) for the TypeScript tests.
export interface DetectIo {
  platform?: string;
  env?: Record<string, string | undefined>;
  home?: string;
  exists?: (path: string) => boolean;
  queryRegistry?: (key: string) => string | undefined;
}
export type ExcelFound =
  { found: true; path: string; platform: string } | { found: false; platform: string; reason: string };
/** Where desktop Excel is, or why it was not found (Linux: never; Windows: folders, App Paths; macOS: the .app). */
export declare function findExcel(io?: DetectIo): ExcelFound;
/** The two lines printed where Excel is missing: zh-CN, then en-US. */
export declare function notRunMessage(result: { platform: string }): [string, string];
/** The path in `reg query KEY /ve` output, or undefined. */
export declare function parseRegDefault(
  output: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined;
