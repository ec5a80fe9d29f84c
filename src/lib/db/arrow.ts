// Arrow results to plain JS rows: BigInt → number, DATE → 'yyyy-mm-dd', TIMESTAMP → ISO string,
// DECIMAL → number, lists and structs recursively. Works on apache-arrow Tables as duckdb-wasm returns them
// (typed loosely so that this module needs no arrow import).

interface ArrowField {
  name: string;
  type: ArrowType;
}
interface ArrowType {
  typeId: number;
  scale?: number;
  unit?: number;
  children?: ArrowField[];
}
export interface ArrowTableLike {
  schema: { fields: ArrowField[] };
  numRows: number;
  getChildAt(i: number): { get(row: number): unknown } | null;
}

// apache-arrow Type enum values (stable across versions)
const T = { Int: 2, Decimal: 7, Date: 8, Timestamp: 10, List: 12, Struct: 13, FixedSizeList: 16, Map: 17 };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function decimalToNumber(v: unknown, scale: number): number {
  // DecimalBigNum: toString() gives the unscaled integer
  const unscaled = typeof v === 'bigint' ? v : BigInt(String(v));
  return Number(unscaled) / 10 ** scale;
}

function toMs(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'bigint') return Number(v);
  return Number(v);
}

export function plainValue(v: unknown, type: ArrowType): unknown {
  if (v === null || v === undefined) return null;
  switch (type.typeId) {
    case T.Date:
      return isoDate(toMs(v));
    case T.Timestamp: {
      // unit: 0 s, 1 ms, 2 µs, 3 ns
      const n = typeof v === 'bigint' ? Number(v) : toMs(v);
      const ms = v instanceof Date ? n : [n * 1000, n, n / 1000, n / 1e6][type.unit ?? 1];
      return new Date(ms).toISOString();
    }
    case T.Decimal:
      return decimalToNumber(v, type.scale ?? 0);
    case T.List:
    case T.FixedSizeList: {
      const child = type.children?.[0]?.type;
      const arr = Array.from(v as Iterable<unknown>);
      return child ? arr.map((x) => plainValue(x, child)) : arr;
    }
    case T.Struct: {
      const out: Record<string, unknown> = {};
      const obj = v as Record<string, unknown>;
      for (const f of type.children ?? []) out[f.name] = plainValue(obj[f.name], f.type);
      return out;
    }
    default:
      if (typeof v === 'bigint') return Number(v);
      return v;
  }
}

export function plainRows<T = Record<string, unknown>>(table: ArrowTableLike): T[] {
  const fields = table.schema.fields;
  const cols = fields.map((_, i) => table.getChildAt(i));
  const rows: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < fields.length; c++) row[fields[c].name] = plainValue(cols[c]?.get(r), fields[c].type);
    rows[r] = row as T;
  }
  return rows;
}
