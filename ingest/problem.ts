/** One problem of a file, as reported: its row (or record), the column, the value as written and the reason. */
export interface Problem {
  line: number;
  column: string;
  value: string | null;
  reason: string;
}
