// Shared by the text rules: they judge the text of a published or generated report, so the engine
// that checks table values does not run them; the importer does (issue: reading published reports).
export const TEXT_TABLES = [] as const;
export const readsNoCells = (): readonly string[] => ['profile.year', 'profile.kind'];
