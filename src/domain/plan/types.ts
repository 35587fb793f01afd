// Output shapes of the plan-document parser, exactly as in data/plans/GOLD_SCHEMA.md (field names
// are snake_case because the JSON is the interchange format with the gold files).

export type TargetMetric =
  | 'PM10'
  | 'PM2.5'
  | 'NO2'
  | 'good_days'
  | 'good_days_ratio'
  | 'heavy_pollution_days'
  | 'heavy_pollution_days_ratio'
  | 'dustfall'
  | 'other';

export type TargetOp = '<=' | '>=' | '<' | '>' | '=';

export type TargetUnit = 'μg/m³' | '天' | '%' | '吨/月·平方公里';

export interface Target {
  metric: TargetMetric;
  label: string;
  op: TargetOp;
  value: number;
  unit: TargetUnit | null;
}

export interface Assignment {
  /** null = the whole task; "(1)" = sub-item (1) only; "(1)-(3)" = one block covering (1) to (3). */
  scope: string | null;
  lead_units: string[];
  cooperating_units: string[];
  responsible_units: string[];
  note: string | null;
}

export interface Task {
  number: string;
  title: string;
  section: string | null;
  /** One-off deadlines as ISO dates, in order of first mention. */
  deadlines: string[];
  assignments: Assignment[];
}

export interface Period {
  start: string;
  end: string;
}

export interface Plan {
  title: string | null;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  region: string | null;
  year: number | null;
  period: Period | null;
  targets: Target[];
  tasks: Task[];
}

export type DocumentKind = 'plan' | 'news';

export interface ParsedDocument {
  document: string;
  kind: DocumentKind;
  plans: Plan[];
}

/** 0-based, inclusive line range in the original input text. */
export interface SourceRange {
  startLine: number;
  endLine: number;
}

/** `tasks[p][t]` is the source range of `document.plans[p].tasks[t]`. */
export interface ParsedDocumentWithSources {
  document: ParsedDocument;
  sources: { tasks: SourceRange[][] };
}
