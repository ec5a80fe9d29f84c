// 表1–表10 as structured rows: each table's title, its column headers as a tree, and its rows of cells. The
// text writer (document.ts) prints these in the extracted-PDF layout; the PDF writer (pdf/) lays them out as
// real tables. Both print the same figures from the same rows.
import type { Accounts } from './accounts';
import { ECONOMIC_NAMES, FUNCTIONAL_NAMES, TEMPLATE_CLASSES } from './classification';
import type { DocumentVariant } from './document';
import type { YearFigures } from './figures';
import type { Unit } from './roster';

/** A cell: text, an amount in 分, or null for an empty cell (the documents print nothing for a zero). */
export type Cell = string | number | null;

export interface Row {
  /** Functional (7/5/3 digits) or economic (5/3 digits) code, printed in the code column(s). */
  code?: string;
  /** The cells of the columns after the code column, in order. */
  cells: Cell[];
  /** 总计 / 合计 rows, and 表7's row of the unit itself. */
  role?: 'total' | 'unit';
}

/** A column header; `children` are the columns grouped under it. */
export interface HeaderNode {
  label: string;
  children?: HeaderNode[];
  /** A text column (names); the others hold amounts. */
  text?: boolean;
  /** The code column: 类/款/项 (functional) or 类/款 (economic), split or joined as the document prints it. */
  code?: 'functional' | 'economic';
}

/** 表10's figures by item, for the PDF's own layouts of the 三公 table (its rows or its columns). */
export interface ThreeItems {
  total: number;
  overseas: number;
  vehicleTotal: number;
  vehiclePurchase: number;
  vehicleOperation: number;
  reception: number;
}

export interface Table {
  /** 1–10 */
  no: number;
  title: string;
  unitName: string;
  money: '万元' | '元';
  kind: 'budget' | 'final';
  header: HeaderNode[];
  rows: Row[];
  /** 表8/表9: the sentence saying the table is empty. */
  note?: string;
  /** 表10 only. */
  three?: {
    items: ThreeItems;
    /** A 决算 document's 年初预算 by item (set once the narrative has drawn its total). */
    budget?: ThreeItems;
    overseasWording: string;
    vehicleWording: string;
  };
}

export interface TableContext {
  unit: Unit;
  year: number;
  figures: YearFigures;
  accounts: Accounts;
  variant: DocumentVariant;
}

/** An amount cell: zero prints nothing. */
const amt = (x: number): Cell => (x === 0 ? null : x);

const frame = (no: number, title: string, c: TableContext) => ({
  no,
  title,
  unitName: c.unit.name,
  money: c.variant.inYuan ? ('元' as const) : ('万元' as const),
  kind: c.variant.kind
});

const leaf = (label: string, text = false): HeaderNode => (text ? { label, text } : { label });
const group = (label: string, children: (string | HeaderNode)[]): HeaderNode => ({
  label,
  children: children.map((c) => (typeof c === 'string' ? leaf(c) : c))
});
const functionalHead = (what: string, columns: string[]): HeaderNode[] => [
  group('项目', [{ label: '功能分类科目编码', code: 'functional' }, leaf('功能分类科目名称', true)]),
  group(what, columns)
];

const classTotals = (a: Accounts) =>
  new Map(a.functional.filter((r) => r.code.length === 3).map((r) => [r.code, r.basic + r.project]));

export function table1(c: TableContext): Table {
  const a = c.accounts;
  const B = c.variant.kind === 'budget' ? '预算' : '决算';
  const total = a.total;
  const left: [string, Cell][] = [
    ['一、本年收入', total],
    ['1、一般公共预算拨款', total],
    ['其中：一般财力', total],
    ...[
      '上级一般公共预算安排转移支付',
      '2、基金预算拨款',
      '其中：政府性基金收入',
      '上级政府性基金安排转移支付',
      '3、国有资本经营预算拨款',
      '其中：国有资本经营收入',
      '上级国有资本经营预算安排转移支付',
      '4.财政专户核拨',
      '5.单位资金',
      '其中：事业收入',
      '上级补助收入',
      '附属单位上缴收入',
      '事业单位经营收入',
      '其他收入',
      '二、上年结转结余',
      '1、财政拨款结转',
      '其中：一般公共预算拨款',
      '基金预算拨款',
      '国有资本经营预算拨款',
      '2、非财政拨款结转结余',
      '其中：财政专户核拨',
      '单位资金'
    ].map((l): [string, Cell] => [l, null])
  ];
  const byClass = classTotals(a);
  const rows: Row[] = TEMPLATE_CLASSES.map(([code, name], i) => {
    const right = byClass.get(code);
    const l = left[i];
    return { cells: [l?.[0] ?? null, l?.[1] ?? null, `${code} ${name}`, right ? right : null] };
  });
  rows.push({ cells: ['收 入 总 计', total, '支 出 总 计', total], role: 'total' });
  return {
    ...frame(1, '部门收支总体情况表', c),
    header: [
      group('收入', [leaf('项目', true), `${B}数`]),
      group('支出', [leaf('支出功能分类', true), `${B}数`])
    ],
    rows
  };
}

export function table2(c: TableContext): Table {
  const a = c.accounts;
  const three = (x: number): Cell[] => [amt(x), amt(x), amt(x), ...new Array<Cell>(9).fill(null)];
  return {
    ...frame(2, '部门收入总体情况表', c),
    header: [
      { label: '功能分类科目编码', code: 'functional' },
      leaf('功能分类科目名称', true),
      leaf('总计'),
      group('财政拨款（补助）', [
        '财政拨款(补助)小计',
        '一般公共预算',
        '上级一般公共预算安排的转移支付',
        '政府性基金预算',
        '上级政府性基金安排的转移支付',
        '国有资本经营预算',
        '上级国有资本经营预算安排的转移支付'
      ]),
      leaf('财政专户（教育收费）'),
      leaf('单位资金'),
      leaf('财政拨款结转'),
      leaf('非财政拨款结转结余')
    ],
    rows: [
      { cells: ['总计', ...three(a.total)], role: 'total' },
      ...a.functional.map((r) => ({
        code: r.code,
        cells: [FUNCTIONAL_NAMES[r.code], ...three(r.basic + r.project)]
      }))
    ]
  };
}

/** 表3 (部门支出总体情况表) or 表5 (一般公共预算支出情况表); a planted parent_sum offsets one 类 of 表3. */
export function table35(n: 3 | 5, c: TableContext): Table {
  const { accounts: a, variant: v } = c;
  const what = n === 3 ? (v.kind === 'final' ? '支出决算' : '支出预算') : '一般公共预算支出';
  const total = (code: string, base: number) =>
    v.plant?.kind === 'parent_sum' && n === 3 && v.plant.code === code ? base + v.plant.delta! : base;
  return {
    ...frame(n, n === 3 ? '部门支出总体情况表' : '一般公共预算支出情况表', c),
    header: functionalHead(what, ['合计', '基本支出', '项目支出']),
    rows: [
      { cells: ['总计', amt(a.total), amt(a.basic), amt(a.project)], role: 'total' },
      ...a.functional.map((r) => ({
        code: r.code,
        cells: [
          FUNCTIONAL_NAMES[r.code],
          amt(total(r.code, r.basic + r.project)),
          amt(r.basic),
          amt(r.project)
        ]
      }))
    ]
  };
}

export function table4(c: TableContext): Table {
  const a = c.accounts;
  const total = a.total;
  const left: [string, Cell][] = [
    ['一、财政拨款（补助）', total],
    ['一般公共预算', total],
    ['政府性基金预算', null],
    ['国有资本经营预算', null]
  ];
  const byClass = classTotals(a);
  const rows: Row[] = TEMPLATE_CLASSES.map(([code, name], i) => {
    const x = byClass.get(code);
    const l = left[i];
    return {
      cells: [l?.[0] ?? null, l?.[1] ?? null, `${code} ${name}`, x ? x : null, x ? x : null, null, null]
    };
  });
  rows.push({ cells: ['收入总计', total, '支出总计', total, total, null, null], role: 'total' });
  return {
    ...frame(4, '财政拨款收支预算总体情况表', c),
    header: [
      group('财政拨款收入', [leaf('项目', true), '合计']),
      group('财政拨款支出', [
        leaf('支出功能分类', true),
        '合计',
        '一般公共预算',
        '政府性基金预算',
        '国有资本经营预算'
      ])
    ],
    rows
  };
}

export function table6(c: TableContext): Table {
  const a = c.accounts;
  return {
    ...frame(6, '一般公共预算基本支出情况表', c),
    header: [
      group('项目', [{ label: '经济分类科目编码', code: 'economic' }, leaf('经济分类科目名称', true)]),
      group('一般公共预算基本支出', ['合计', '人员经费', '公用经费'])
    ],
    rows: [
      { cells: ['总计', amt(a.basic), amt(a.personnel), amt(a.public)], role: 'total' },
      ...a.economic.map((r) => {
        const isPublic = r.code.startsWith('302');
        return {
          code: r.code,
          cells: [
            ECONOMIC_NAMES[r.code],
            amt(r.amount),
            isPublic ? null : amt(r.amount),
            isPublic ? amt(r.amount) : null
          ]
        };
      })
    ]
  };
}

const T7_COLUMNS = [
  '合计',
  '工资福利支出',
  '商品服务支出',
  '对个人和家庭补助支出',
  '债务利息及费用支出',
  '资本性支出（基本建设）',
  '资本性支出',
  '对企业补助（基本建设）',
  '对企业补助',
  '对社会保障基金补助',
  '其他支出'
];

export function table7(c: TableContext): Table {
  const projects = c.figures.projects;
  /** 合计 and the economic column the amount is charged to (商品服务支出 or 资本性支出). */
  const amounts = (x: number, column: 'goods' | 'capital'): Cell[] => {
    const cells = new Array<Cell>(T7_COLUMNS.length).fill(null);
    cells[0] = amt(x);
    cells[column === 'goods' ? 2 : 6] = amt(x);
    return cells;
  };
  const columnOf = (prefix: string) =>
    projects.filter((q) => q.code.startsWith(prefix)).every((q) => q.column === 'capital')
      ? 'capital'
      : 'goods';
  const mixed = (prefix: string) => {
    const x = projects.filter((q) => q.code.startsWith(prefix));
    return x.some((q) => q.column === 'goods') && x.some((q) => q.column === 'capital');
  };
  /** A parent row: 合计, and each column's own sum (the text prints 合计 and one more amount). */
  const parent = (prefix: string): Cell[] => {
    const x = projects.filter((q) => q.code.startsWith(prefix)).reduce((s, q) => s + q.amount, 0);
    if (!mixed(prefix)) return amounts(x, columnOf(prefix));
    // projects charged to both columns: the text's second figure is 合计 again; the split goes in the PDF
    const cells = amounts(x, 'goods');
    const sum = (col: 'goods' | 'capital') =>
      projects.filter((q) => q.code.startsWith(prefix) && q.column === col).reduce((s, q) => s + q.amount, 0);
    cells[2] = amt(sum('goods'));
    cells[6] = amt(sum('capital'));
    return cells;
  };
  const rows: Row[] = [
    { cells: ['总计', null, ...parent('')], role: 'total' },
    { cells: [c.unit.name, null, ...parent('')], role: 'unit' }
  ];
  let lastClass = '';
  let lastSection = '';
  for (const p of projects) {
    const lei = p.code.slice(0, 3);
    const kuan = p.code.slice(0, 5);
    if (lei !== lastClass) {
      rows.push({ code: lei, cells: [FUNCTIONAL_NAMES[lei], null, ...parent(lei)] });
      lastClass = lei;
    }
    if (kuan !== lastSection) {
      rows.push({ code: kuan, cells: [FUNCTIONAL_NAMES[kuan], null, ...parent(kuan)] });
      lastSection = kuan;
    }
    rows.push({ code: p.code, cells: [FUNCTIONAL_NAMES[p.code], p.name, ...amounts(p.amount, p.column)] });
  }
  return {
    ...frame(7, '一般公共预算项目支出情况表', c),
    header: [
      { label: '科目编码', code: 'functional' },
      leaf('功能分类科目名称', true),
      leaf('项目名称', true),
      group('项目支出', T7_COLUMNS)
    ],
    rows
  };
}

export function emptyTable(n: 8 | 9, c: TableContext): Table {
  const what =
    n === 8
      ? '政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。'
      : '国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。';
  return {
    ...frame(n, n === 8 ? '政府性基金预算支出情况表' : '国有资本经营预算支出情况表', c),
    header: functionalHead(n === 8 ? '政府性基金预算支出' : '国有资本经营预算支出', [
      '合计',
      '基本支出',
      '项目支出'
    ]),
    rows: [],
    note: `${c.unit.name}${c.year} 年没有使用${what}`
  };
}

export function table10(c: TableContext): Table {
  const { accounts: a, figures: f, variant: v } = c;
  const t = f.three;
  const two = (x: number): Cell[] => [amt(x), amt(x), null, null];
  return {
    ...frame(10, '财政拨款“三公”经费支出情况表', c),
    header: [
      leaf('三公支出内容', true),
      leaf('合计'),
      group('资金来源', ['一般公共预算', '政府性基金', '国有资本经营预算'])
    ],
    rows: [
      { cells: ['合计', ...two(a.threeTotal)], role: 'total' },
      { cells: [v.overseasWording, ...two(t.overseas)] },
      { cells: ['公务接待费', ...two(t.reception)] },
      { cells: [`${v.vehicleWording}（小计）`, ...two(a.vehicleTotal)] },
      { cells: ['其中：公务用车购置费', ...two(t.vehiclePurchase)] },
      { cells: ['公务用车运行费', ...two(t.vehicleOperation)] }
    ],
    three: {
      items: {
        total: a.threeTotal,
        overseas: t.overseas,
        vehicleTotal: a.vehicleTotal,
        vehiclePurchase: t.vehiclePurchase,
        vehicleOperation: t.vehicleOperation,
        reception: t.reception
      },
      overseasWording: v.overseasWording,
      vehicleWording: v.vehicleWording
    }
  };
}
