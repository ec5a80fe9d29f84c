// Who, when and what a document is: unit name, region, year, kind, published date.
import type { Kind, Scope } from '../model';
import type { Line } from './text';

export interface Identity {
  unitName: string | null;
  unitLine: number | null;
  year: number | null;
  yearLine: number | null;
  kind: Kind | null;
  publishedOn: string | null;
  /** the year (and the kind) read from the document's title, its strongest statement of them */
  yearFromTitle: boolean;
  kindFromTitle: boolean;
}

const stripFundNames = (s: string) =>
  s.replace(/一般公共预算|公共预算|政府性基金预算|国有资本经营预算|年初预算|预算数|预算单位|预决算/g, '');

const TITLE_WORDS = /预算|决算|三公|公开|情况说明|收支/;
const GENERIC_NAME = /^(关于|我|本|部门|单位|镇级|区级|县级|市级|一|二|三|四|五|六|七|八|九|十|第)/;

function cleanName(s: string): string | null {
  let t = s
    .replace(/\s+/g, '')
    .replace(/^[#\-—\d.、()（）一二三四五六七八九十]+/, '')
    .replace(/^(?:第[一二三四]部分|关于)/, '')
    .replace(/(?:部门|单位)?(?:概况|整体)?$/, '')
    .replace(/[:：,，。]+$/, '');
  t = t.replace(/(?:20\d\d年度?)$/, '');
  t = t.replace(/\(/g, '（').replace(/\)/g, '）');
  if (t.length < 4 || t.length > 60) return null;
  if (GENERIC_NAME.test(t)) return null;
  if (
    !/(?:局|委|办|室|院|会|所|站|中心|政府|部|处|厅|馆|校|学|队|团|社|园|场|署|司|机关|工委|支队|大队|街道|法院|检察院|管委会|本级|党派|协会|联合会|）)$/.test(
      t
    )
  )
    return null;
  return t;
}

/** Read the document's identity from its first lines and its closing lines. */
export function readIdentity(lines: Line[]): Identity {
  const id: Identity = {
    unitName: null,
    unitLine: null,
    year: null,
    yearLine: null,
    kind: null,
    publishedOn: null,
    yearFromTitle: false,
    kindFromTitle: false
  };
  // 编制部门：X 单位：万元 — the template's own statement of the unit
  for (const l of lines) {
    const m = /^编制(?:部门|单位)[:：]\s*(.+?)\s*(?:(?:金额)?单位[:：].*)?$/.exec(l.text);
    if (m) {
      const n = cleanName(m[1]);
      if (n) {
        id.unitName = n;
        id.unitLine = l.no;
        break;
      }
    }
  }
  const head = lines.slice(0, 12);
  // "第一部分 X部门概况" (the seed breaks it over two lines)
  if (!id.unitName) {
    for (let i = 0; i < Math.min(head.length, 4); i++) {
      const m = /^第一部分\s*(.+)$/.exec(head[i].text);
      if (m) {
        const n = cleanName(m[1].replace(/概况$/, ''));
        if (n) {
          id.unitName = n;
          id.unitLine = head[i].no;
        }
        break;
      }
    }
  }
  // title lines: "X2021年度…决算", "2018年X“三公”经费预算情况说明"
  for (const l of head) {
    const t = l.text.replace(/\s+/g, '');
    if (/。/.test(t) || t.length > 60) continue;
    const m = /(?<![比较与同至止于自从])(20\d\d)年度?/.exec(t);
    if (!m || !TITLE_WORDS.test(t)) continue;
    const year = Number(m[1]);
    if (id.year === null && year >= 2000 && year <= 2100) {
      id.year = year;
      id.yearLine = l.no;
      id.yearFromTitle = true;
      const k = stripFundNames(t);
      if (id.kind === null) id.kind = /决算/.test(k) ? 'final' : /预算/.test(k) ? 'budget' : null;
      id.kindFromTitle = id.kind !== null;
    }
    if (!id.unitName) {
      const before = cleanName(t.slice(0, m.index));
      const afterText = t.slice(m.index + m[0].length);
      const cut = afterText.search(/部门预算|部门决算|预算|决算|[“"]?三公|财政拨款|一般公共预算|收支|部门/);
      const after = cut > 0 ? cleanName(afterText.slice(0, cut)) : null;
      const name = before ?? after;
      if (name) {
        id.unitName = name;
        id.unitLine = l.no;
      }
    }
    if (id.unitName) break;
  }
  // a unit name on a line of its own at the very top
  if (!id.unitName && head.length) {
    const n = cleanName(head[0].text);
    if (n && !TITLE_WORDS.test(n)) {
      id.unitName = n;
      id.unitLine = head[0].no;
    }
  }
  // year from the body when the title does not give it: the first year that is not a comparison
  // ("较2020年度决算数…") or a date ("截至2022年底")
  if (id.year === null) {
    outer: for (const l of lines) {
      const t = l.text.replace(/\s+/g, '');
      for (const m of t.matchAll(/(20\d\d)年度?/g)) {
        const before = t.slice(Math.max(0, m.index! - 2), m.index!);
        const after = t.slice(m.index! + m[0].length, m.index! + m[0].length + 14);
        if (/[比较与同至止于自从]$/.test(before) || /^(?:底|末|以来|\d+月|\d)/.test(after)) continue;
        if (!/预算|决算|收入|支出|三公|经费|财政拨款|收支/.test(after)) continue;
        id.year = Number(m[1]);
        id.yearLine = l.no;
        const k = stripFundNames(after);
        if (id.kind === null && /^(?:部门|单位)?(?:决算|预算)/.test(k))
          id.kind = /^(?:部门|单位)?决算/.test(k) ? 'final' : 'budget';
        break outer;
      }
    }
  }
  // kind: the first heading-like line that says 决算 or 预算 (the funds' names "一般公共预算" do not count)
  if (id.kind === null) {
    for (const l of lines.slice(0, 40)) {
      const t = stripFundNames(l.text);
      if (/决算/.test(t)) id.kind = 'final';
      else if (/预算/.test(t)) id.kind = 'budget';
      if (id.kind) break;
    }
  }
  if (id.kind === null) {
    let budget = 0;
    let final = 0;
    for (const l of lines) {
      const t = stripFundNames(l.text);
      budget += (t.match(/预算/g) ?? []).length;
      final += (t.match(/决算/g) ?? []).length;
    }
    id.kind = final > budget ? 'final' : budget > 0 ? 'budget' : null;
  }
  // published date: a line that is only a date, near the end ("2023 年 2月 6 日"), or "发布日期：2020-09-01"
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    const t = lines[i].text.replace(/\s+/g, '');
    const m = /^(20\d\d)年(\d{1,2})月(\d{1,2})日$/.exec(t);
    if (m) {
      id.publishedOn = isoDate(+m[1], +m[2], +m[3]);
      break;
    }
  }
  if (!id.publishedOn) {
    for (const l of lines.slice(0, 30)) {
      const m = /(?:发布|公开|发文)(?:日期|时间)[:：]\s*(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(
        l.text
      );
      if (m) {
        id.publishedOn = isoDate(+m[1], +m[2], +m[3]);
        break;
      }
    }
  }
  return id;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const PLACE =
  /^(?:[\u3400-\u9fff]{1,9}?(?:省|自治区|市|自治州|州|地区|盟))?(?:[\u3400-\u9fff]{1,8}?(?:自治县|县|区|旗|市))?/;

/** The region a unit name starts with: 克拉玛依市乌尔禾区人民政府办公室 → 克拉玛依市乌尔禾区. */
export function regionOf(unitName: string | null): string | null {
  if (!unitName) return null;
  const name = unitName.replace(/^中共/, '');
  const m = PLACE.exec(name);
  let r = m?.[0] ?? '';
  // a district match that swallowed a unit word ("…开发区", "…社区", "…景区") is not a region
  r = r.replace(/(?:经济技术开发|经济开发|开发|高新|新|社|景|风景|园|片|街)区$/, '');
  if (/(?:政府|机关|委员|管理|办公|服务|中心)/.test(r)) return null;
  return r.length >= 2 ? r : null;
}

/** 市级 / 区县级 / 省级 from the region's last place word. */
export function levelOf(region: string | null): string | null {
  if (!region) return null;
  if (/(?:县|区|旗)$/.test(region) || /市.+市$/.test(region)) return '区县级';
  if (/(?:市|州|盟|地区)$/.test(region)) return '市级';
  if (/(?:省|自治区)$/.test(region)) return '省级';
  return null;
}

const CATEGORIES: [RegExp, string][] = [
  [/教育|学校|中学|小学|幼儿园|学院|大学|教体/, '教育'],
  [/卫生|医院|健康|疾病|保健|医疗/, '卫生健康'],
  [/公安|派出所|交警|看守所/, '公安'],
  [/法院|检察院|司法|政法/, '政法'],
  [/财政|税务|审计|统计|发展和改革|发改/, '财经'],
  [/交通|公路|运输/, '交通'],
  [/农业|农村|林业|水务|水利|畜牧/, '农林水'],
  [/人民政府办公|政府办|党委|委员会办公|人大|政协|工委|机关事务/, '党政机关'],
  [/文化|旅游|体育|广电|图书馆|博物馆/, '文旅体'],
  [/民政|人力资源|社会保障|退役军人|残疾人|工会|妇联|共青团|工商业联合会/, '社会'],
  [/住房|城乡建设|城市管理|自然资源|规划|生态环境/, '城建资源']
];

/** Category from the unit name (a keyword rule, NULL when no keyword matches). */
export function categoryOf(unitName: string | null): string | null {
  if (!unitName) return null;
  for (const [re, c] of CATEGORIES) if (re.test(unitName)) return c;
  return null;
}

/** Whether the document is a 部门 budget/account (the department with its units, consolidated) or a 单位
 *  one (one unit alone), as its title says; null when it says neither. */
export function readScope(lines: Line[]): Scope | null {
  // the title on the first lines, else a part heading ("第二部分 2023 年部门预算公开表")
  const heads = [...lines.slice(0, 40), ...lines.filter((l) => /^第[一二三四五六]部分/.test(l.text.trim()))];
  for (const l of heads) {
    const t = l.text.replace(/\s+/g, '');
    if (/。/.test(t) || t.length > 60) continue;
    const m = /(部门|单位)(?:预算|决算)/.exec(stripFundNames(t));
    if (m) return m[1] === '部门' ? 'department' : 'unit';
  }
  return null;
}
