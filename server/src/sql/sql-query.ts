/** A SQL statement ready for `db.query(text, values)`: every value is a $n parameter. */
export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

/** Collects parameter values while a builder writes SQL, handing out `$1`, `$2`, … in order. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with an explicit cast when one is given. */
  add(value: unknown, cast?: 'float8' | 'int' | 'bigint' | 'text' | 'boolean' | 'timestamptz' | 'jsonb'): string {
    this.values.push(value);
    const ph = `$${this.values.length}`;
    return cast ? `${ph}::${cast}` : ph;
  }
}
