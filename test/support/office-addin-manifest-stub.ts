// Stand-in for office-addin-manifest inside Jest: its ESM-only dependencies break Jest's loader, and
// no unit test needs it (the manifest is checked offline with xmllint instead).
export {};
