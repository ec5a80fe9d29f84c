// 国有资产: the vehicles' count and value against the kinds listed after "其中" ("车辆 5辆，价值 61.40 万元；
// 其中：一般公务用车 3辆，价值 …；执法执勤用车 …；其他车辆 …").
import { compareSides, sumSide, type Side } from './audit-sides';
import { wan, type FindingList } from './checks';
import { toWan, type MoneyUnit } from './numbers';
import { linesOf, type Prose } from './prose';

const AMT = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(万元|元|亿元)';
const WHOLE = new RegExp(`车辆(\\d+)辆[,，]?(?:价值|原值|账面价值)?${AMT}?[;；,，]?其中[:：]`, 'g');
const PART = new RegExp(`^[;；,，、]?([\\u3400-\\u9fff]{2,10}?)(\\d+)辆[,，]?(?:价值|原值|账面价值)?${AMT}?`);

interface Listed {
  name: string;
  count: number;
  value: number | null;
  lines: number[];
}

/** "0 辆，价值 0.08 万元": a value for nothing. */
function nothingWorth(
  f: FindingList,
  zh: string,
  en: string,
  quantity: number,
  unit: '辆' | '平方米',
  value: number | null,
  lines: number[]
) {
  if (quantity !== 0 || value === null || value === 0) return;
  f.add(
    'asset_without_quantity',
    'warning',
    `${zh} 0 ${unit}，价值却为 ${wan(value).zh}（${f.place(lines).zh}）`,
    `${en}: 0 ${unit === '辆' ? 'vehicles' : 'm²'} valued at ${wan(value).en} (${f.place(lines).en})`,
    0,
    value,
    lines
  );
}

const HOUSE = new RegExp(`房屋(?:面积)?(\\d+(?:\\.\\d+)?)平方米[,，]?(?:价值|原值|账面价值)?${AMT}`, 'g');

export function checkVehicles(p: Prose, f: FindingList) {
  const t = p.text;
  for (const m of t.matchAll(HOUSE)) {
    const lines = linesOf(p, m.index!, m.index! + m[0].length);
    nothingWorth(
      f,
      '房屋',
      'Buildings',
      Number(m[1]),
      '平方米',
      toWan(Number(m[2].replace(/,/g, '')), m[3] as MoneyUnit),
      lines
    );
  }
  for (const m of t.matchAll(WHOLE)) {
    const at = m.index! + m[0].length;
    const parts: Listed[] = [];
    let rest = t.slice(at, at + 200);
    let off = at;
    for (let k; (k = PART.exec(rest));) {
      parts.push({
        name: k[1],
        count: Number(k[2]),
        value: k[3] ? toWan(Number(k[3].replace(/,/g, '')), k[4] as MoneyUnit) : null,
        lines: linesOf(p, off, off + k[0].length)
      });
      off += k[0].length;
      rest = t.slice(off, at + 200);
    }
    const wholeLines = linesOf(p, m.index!, m.index! + m[0].length);
    const wholeValue = m[2] ? toWan(Number(m[2].replace(/,/g, '')), m[3] as MoneyUnit) : null;
    nothingWorth(f, '车辆', 'Vehicles', Number(m[1]), '辆', wholeValue, wholeLines);
    for (const x of parts) nothingWorth(f, x.name, x.name, x.count, '辆', x.value, x.lines);
    if (!parts.length) continue;
    // with 其他 among the kinds the list is complete; otherwise the listed kinds can only add up to less
    const relation = parts.some((x) => x.name.startsWith('其他')) ? 'equal' : 'atMost';
    const whole: Side = { zh: '车辆', en: 'Vehicles', value: Number(m[1]), lines: wholeLines };
    compareSides(
      f,
      'vehicle_parts',
      'warning',
      whole,
      sumSide(
        `其中${parts.map((x) => x.name).join('、')}之和`,
        `the kinds listed (${parts.length})`,
        parts.map((x) => ({ value: x.count, lines: x.lines }))
      ),
      { measure: 'vehicles', relation }
    );
    const valued = parts.filter((x) => x.value !== null);
    if (m[2] && valued.length === parts.length)
      compareSides(
        f,
        'vehicle_parts',
        'warning',
        {
          zh: '车辆价值',
          en: 'Vehicles’ value',
          value: wholeValue!,
          lines: wholeLines
        },
        sumSide(
          `其中${parts.map((x) => x.name).join('、')}价值之和`,
          'the listed kinds’ value',
          valued.map((x) => ({ value: x.value!, lines: x.lines }))
        ),
        { relation, parts: valued.length }
      );
  }
}
