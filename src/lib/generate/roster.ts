// The fictional city's unit roster: 示例市 with its districts, units named so that the level follows from the
// name (示例市X = 市级, 示例市Y区X = 区县级). Every name here is invented; none pairs a real unit with numbers.

export const CITY = '示例市';
export const DISTRICTS = ['临江区', '东湖区', '北山县', '南岭县', '西溪区', '青石县'] as const;

export type UnitType = '行政' | '参公' | '事业';
export type Level = '市级' | '区县级';

/** What a kind of unit does: its name, type, sector and the functional codes its money goes to. */
export interface UnitTemplate {
  /** Name without the region prefix, e.g. 教育局. */
  name: string;
  type: UnitType;
  sector: string;
  /** The 项 code of its running costs (行政运行 / 事业运行 / 高中教育 …). */
  runCode: string;
  /** 项 codes its projects go to. */
  projectCodes: string[];
  /** Project names it may run (a 公务用车 purchase project is added when a vehicle is bought). */
  projects: string[];
  /** Duty sentences for 主要职能 (short, generic, invented). */
  duties: string[];
  /** Headcount scale (median in-service staff). */
  staff: number;
  /** At district level too? */
  district: boolean;
  /** Vehicles per 10 staff (公安 and 执法 units have more). */
  vehicleRate: number;
}

const adminDuties = (field: string): string[] => [
  `贯彻执行国家和上级有关${field}工作的方针政策和法律法规，拟订本地区${field}工作的发展规划和政策措施并组织实施。`,
  `负责本地区${field}工作的统筹协调和监督管理，指导下级部门开展相关业务工作。`,
  `负责${field}领域的信息统计、分析和发布工作，组织开展相关调查研究。`,
  `负责本部门的财务、资产、人事和安全管理工作。`,
  `完成本级党委、政府交办的其他任务。`
];

const generic = ['信息化建设运维经费', '业务培训经费', '专项工作经费', '宣传工作经费', '办公设备购置经费'];

export const UNIT_TEMPLATES: readonly UnitTemplate[] = [
  t(
    '人民政府办公室',
    '行政',
    '政府办公',
    '2010301',
    ['2010302', '2010308'],
    ['网站建设专项经费', '政务大厅工作经费', '信访业务经费', '应急值守专项经费'],
    '政务',
    20,
    true,
    1.5
  ),
  t(
    '发展和改革委员会',
    '行政',
    '发展改革',
    '2010401',
    ['2010402'],
    ['重点项目前期工作经费', '价格监测专项经费'],
    '发展改革',
    30,
    true,
    0.8
  ),
  t(
    '统计局',
    '行政',
    '统计',
    '2010501',
    ['2010507'],
    ['经济普查专项经费', '统计调查专项经费'],
    '统计',
    15,
    true,
    0.6
  ),
  t(
    '财政局',
    '行政',
    '财政',
    '2010601',
    ['2010602'],
    ['预算管理一体化系统运维经费', '财政监督检查经费'],
    '财政',
    40,
    true,
    0.6
  ),
  t(
    '审计局',
    '行政',
    '审计',
    '2010801',
    ['2010804'],
    ['审计业务专项经费', '聘请中介机构审计经费'],
    '审计',
    18,
    true,
    0.7
  ),
  t(
    '档案馆',
    '参公',
    '档案',
    '2012601',
    ['2012604'],
    ['档案数字化专项经费', '档案征集保管经费'],
    '档案',
    12,
    true,
    0.4
  ),
  t(
    '市场监督管理局',
    '行政',
    '市场监管',
    '2013801',
    ['2013802'],
    ['食品安全抽检经费', '特种设备监督检查经费'],
    '市场监管',
    60,
    true,
    1.2
  ),
  t(
    '公安局',
    '行政',
    '公安',
    '2040201',
    ['2040202', '2040219', '2040220'],
    ['执法办案经费', '警用装备购置经费', '交通管理设施维护经费', '视频监控运维经费'],
    '公安',
    220,
    false,
    2.2
  ),
  t(
    '公安分局',
    '行政',
    '公安',
    '2040201',
    ['2040202', '2040220'],
    ['执法办案经费', '辅警保障经费', '视频监控运维经费'],
    '公安',
    120,
    true,
    2.4
  ),
  t(
    '司法局',
    '行政',
    '司法',
    '2040601',
    ['2040602'],
    ['法律援助专项经费', '人民调解工作经费'],
    '司法行政',
    25,
    true,
    0.9
  ),
  t(
    '教育局',
    '行政',
    '教育',
    '2050101',
    ['2050102'],
    ['教师培训专项经费', '学生资助经费', '校园安全专项经费'],
    '教育',
    35,
    true,
    0.6
  ),
  t(
    '文化体育和旅游局',
    '行政',
    '文化旅游',
    '2070101',
    ['2070102'],
    ['群众文化活动经费', '文物保护专项经费'],
    '文化旅游',
    22,
    true,
    0.6
  ),
  t(
    '图书馆',
    '事业',
    '文化旅游',
    '2070104',
    ['2070104'],
    ['图书购置经费', '全民阅读活动经费'],
    '公共图书',
    25,
    false,
    0.2
  ),
  t(
    '群众艺术馆',
    '事业',
    '文化旅游',
    '2070109',
    ['2070109'],
    ['群众文化活动经费', '非遗保护传承经费'],
    '群众文化',
    18,
    false,
    0.2
  ),
  t(
    '人力资源和社会保障局',
    '行政',
    '人社',
    '2080101',
    ['2080102'],
    ['就业创业服务经费', '劳动保障监察经费'],
    '人力资源和社会保障',
    40,
    true,
    0.6
  ),
  t(
    '社会保险事业管理中心',
    '参公',
    '人社',
    '2080109',
    ['2080109'],
    ['社保经办系统运维经费', '待遇资格认证经费'],
    '社会保险经办',
    30,
    true,
    0.3
  ),
  t(
    '民政局',
    '行政',
    '民政',
    '2080201',
    ['2080202'],
    ['社会救助工作经费', '养老服务监管经费'],
    '民政',
    25,
    true,
    0.7
  ),
  t(
    '退役军人事务局',
    '行政',
    '退役军人',
    '2082801',
    ['2082802'],
    ['优抚对象慰问经费', '退役军人服务站运行经费'],
    '退役军人',
    15,
    true,
    0.5
  ),
  t(
    '卫生健康委员会',
    '行政',
    '卫生',
    '2100101',
    ['2100102'],
    ['公共卫生服务专项经费', '卫生监督执法经费', '健康教育宣传经费'],
    '卫生健康',
    40,
    true,
    0.8
  ),
  t(
    '疾病预防控制中心',
    '事业',
    '卫生',
    '2100401',
    ['2100401'],
    ['疫苗接种专项经费', '传染病监测经费', '检验设备购置经费'],
    '疾病预防控制',
    60,
    true,
    0.8
  ),
  t(
    '人民医院',
    '事业',
    '卫生',
    '2100201',
    ['2100201'],
    ['医疗设备购置经费', '重点专科建设经费'],
    '医疗服务',
    300,
    true,
    0.3
  ),
  t(
    '中医医院',
    '事业',
    '卫生',
    '2100202',
    ['2100202'],
    ['中医药传承专项经费', '医疗设备购置经费'],
    '中医医疗服务',
    160,
    false,
    0.3
  ),
  t(
    '医疗保障局',
    '行政',
    '医保',
    '2101501',
    ['2101502'],
    ['医保基金监管经费', '医保信息系统运维经费'],
    '医疗保障',
    20,
    true,
    0.5
  ),
  t(
    '生态环境局',
    '行政',
    '生态环境',
    '2110101',
    ['2110102'],
    ['环境监测专项经费', '污染源普查经费'],
    '生态环境',
    35,
    true,
    1.0
  ),
  t(
    '住房和城乡建设局',
    '行政',
    '住建',
    '2120101',
    ['2120102'],
    ['建筑市场监管经费', '老旧小区改造前期经费'],
    '住房和城乡建设',
    35,
    true,
    0.8
  ),
  t(
    '农业农村局',
    '行政',
    '农业',
    '2130101',
    ['2130102'],
    ['动物防疫专项经费', '农产品质量安全检测经费'],
    '农业农村',
    40,
    true,
    0.9
  ),
  t(
    '农业技术推广中心',
    '事业',
    '农业',
    '2130104',
    ['2130104'],
    ['农业技术推广经费', '种子质量检测经费'],
    '农业技术推广',
    30,
    true,
    0.5
  ),
  t(
    '林业和草原局',
    '行政',
    '林业',
    '2130201',
    ['2130202'],
    ['森林防火专项经费', '林业有害生物防治经费'],
    '林业和草原',
    25,
    false,
    1.0
  ),
  t(
    '水利局',
    '行政',
    '水利',
    '2130301',
    ['2130302'],
    ['河湖管护专项经费', '防汛抗旱专项经费'],
    '水利',
    30,
    true,
    0.9
  ),
  t(
    '交通运输局',
    '行政',
    '交通',
    '2140101',
    ['2140102'],
    ['公路养护监管经费', '交通运输执法经费'],
    '交通运输',
    40,
    true,
    1.2
  ),
  t(
    '自然资源局',
    '行政',
    '自然资源',
    '2200101',
    ['2200102'],
    ['国土空间规划编制经费', '不动产登记专项经费'],
    '自然资源',
    45,
    true,
    0.9
  ),
  t(
    '应急管理局',
    '行政',
    '应急',
    '2240101',
    ['2240102'],
    ['安全生产执法经费', '应急物资储备经费'],
    '应急管理',
    25,
    true,
    1.1
  )
];

/** Schools: 事业 units of the 教育 sector, numerous at both levels. */
const SCHOOLS: readonly { name: string; code: string; staff: number }[] = [
  { name: '第一中学', code: '2050204', staff: 150 },
  { name: '第二中学', code: '2050204', staff: 130 },
  { name: '实验中学', code: '2050203', staff: 110 },
  { name: '第三初级中学', code: '2050203', staff: 80 },
  { name: '实验小学', code: '2050202', staff: 90 },
  { name: '第一小学', code: '2050202', staff: 70 },
  { name: '第二小学', code: '2050202', staff: 65 },
  { name: '育才小学', code: '2050202', staff: 55 }
];

function t(
  name: string,
  type: UnitType,
  sector: string,
  runCode: string,
  projectCodes: string[],
  projects: string[],
  field: string,
  staff: number,
  district: boolean,
  vehicleRate: number
): UnitTemplate {
  return {
    name,
    type,
    sector,
    runCode,
    projectCodes,
    projects: [...projects, ...generic],
    duties: adminDuties(field),
    staff,
    district,
    vehicleRate
  };
}

export interface Unit {
  /** Position in the roster (0-based), used to name files. */
  index: number;
  name: string;
  /** 示例市 or 示例市临江区 … */
  region: string;
  level: Level;
  type: UnitType;
  sector: string;
  template: UnitTemplate;
  /** Short name used in target tables (预算单位 …). */
  shortName: string;
}

function schoolTemplate(s: { name: string; code: string; staff: number }): UnitTemplate {
  return {
    name: s.name,
    type: '事业',
    sector: '教育',
    runCode: s.code,
    projectCodes: [s.code],
    projects: [
      '校园安全专项经费',
      '教学设备购置经费',
      '学生资助经费',
      '教师培训专项经费',
      '校舍维修改造经费'
    ],
    duties: [
      '贯彻党和国家的教育方针，实施学历教育，促进学生全面发展。',
      '组织开展教育教学、课程改革和教学研究工作，提高教育教学质量。',
      '负责本校教职工队伍建设、学生管理、校园安全和后勤保障工作。',
      '负责本校财务、资产和校舍管理工作。',
      '完成教育主管部门交办的其他任务。'
    ],
    staff: s.staff,
    district: true,
    vehicleRate: 0.05
  };
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 67 → 六十七, 105 → 一百零五 (for naming further fictional cities). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail =
    rest === 0
      ? ''
      : rest < 10
        ? `零${DIGITS[rest]}`
        : rest < 20
          ? `一${chineseNumber(rest)}`
          : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** The fictional city number c (0-based): 示例市, 示例二市, 示例三市 … */
export const cityName = (c: number) => (c === 0 ? CITY : `示例${chineseNumber(c + 1)}市`);

interface Slot {
  city: string;
  region: string;
  level: Level;
  template: UnitTemplate;
}

/** One city's units: its city-level departments and schools, then its districts' units interleaved. */
function citySlots(city: string): Slot[] {
  const slots: Slot[] = [];
  for (const template of UNIT_TEMPLATES) {
    if (template.name === '公安分局') continue;
    slots.push({ city, region: city, level: '市级', template });
  }
  for (const school of SCHOOLS.slice(0, 4))
    slots.push({ city, region: city, level: '市级', template: schoolTemplate(school) });
  const perDistrict = DISTRICTS.map((district) => {
    const list: Slot[] = [];
    const region = `${city}${district}`;
    for (const template of UNIT_TEMPLATES) {
      if (!template.district || template.name === '公安局') continue;
      list.push({ city, region, level: '区县级', template });
    }
    for (const school of SCHOOLS)
      list.push({ city, region, level: '区县级', template: schoolTemplate(school) });
    return list;
  });
  // Interleave districts so that a small roster still spans several districts.
  const longest = Math.max(...perDistrict.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of perDistrict) if (i < list.length) slots.push(list[i]);
  return slots;
}

/** Units per fictional city (city level + all its districts). */
export const UNITS_PER_CITY = citySlots(CITY).length;

/**
 * The roster of `count` units: 示例市's city-level departments first, then its districts' departments and
 * schools; past one city's worth, further fictional cities (示例二市 …) with the same structure.
 */
export function buildRoster(count: number): Unit[] {
  const units: Unit[] = [];
  let slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const c = Math.floor(i / UNITS_PER_CITY);
    if (i % UNITS_PER_CITY === 0) slots = citySlots(cityName(c));
    const slot = slots[i % UNITS_PER_CITY];
    const place = slot.level === '市级' ? '市' : slot.region.slice(slot.city.length, slot.city.length + 2);
    units.push({
      index: i,
      name: `${slot.region}${slot.template.name}`,
      region: slot.region,
      level: slot.level,
      type: slot.template.type,
      sector: slot.template.sector,
      template: slot.template,
      shortName: `${place}${slot.template.name}`
    });
  }
  return units;
}
