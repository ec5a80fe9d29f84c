// The reasons a document is not read (or read in part), in the page's language (issue 11): the real ingest's
// reasons — as the CLI prints them — read by the en templates of src/lib/i18n/reasons.ts and said again in
// zh, keeping the file, the line and the page they name; en is the CLI's wording, unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import { overTimeReason } from '../../src/lib/ingest/budgets';
import { unsupportedReason } from '../../src/lib/ingest/files';
import { ingestPdf } from '../../src/lib/ingest/pdf/ingest';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';
import { reasonEn, reasonText, reasonTexts } from '../../src/lib/components/reasonText';
import type { DocumentResult } from '../../src/lib/model';
import { simplePdf, textAt } from './helpers/pdf-writer';

const TEMPLATE = readFileSync('tests/fixtures/template-2024.txt', 'utf8');
const txt = (s: string | Buffer, file: string) =>
  ingestDocument(typeof s === 'string' ? Buffer.from(s, 'utf8') : s, file);
const reader = { pdfjs: await nodePdfJs(), assets: nodePdfAssets() };
const pdf = (bytes: Uint8Array, file: string, maxPages = 400) =>
  ingestPdf(bytes, file, { ...reader, budget: { maxPages, timeoutMs: 30_000 } });

/** documents the real ingest rejects or reads in part, each with the reasons it gives */
async function realResults(): Promise<DocumentResult[]> {
  const page = textAt([[72, 720, 12, 'Budget 2024']]);
  const good = simplePdf({ pages: [page, page] });
  return [
    txt(Buffer.alloc(0), 'empty.txt'),
    txt(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'image.txt'),
    txt(Buffer.from([0x61, 0x62, 0xff, 0x63, 0x64, 0x0a, 0x65, 0x66, 0x67]), 'latin.txt'),
    txt('   \n \n', 'blank.txt'),
    txt('关于开展测试工作的通知\n请各单位认真落实。\n', 'notice.txt'),
    txt(TEMPLATE.slice(0, TEMPLATE.indexOf('302 17 公务接待费')), '预算-截断.txt'),
    txt(TEMPLATE.replace('302 01 办公费 10.00 10.00', '302 01 办公费 1O.0O 10.00'), 'garbled.txt'),
    // ends after the 三公 explanation: its closing sections are named
    txt(TEMPLATE.slice(0, TEMPLATE.indexOf('七、 其他重要事项')), 'ended.txt'),
    txt('2018年示例市测试局“三公”经费预算合计32.6万元。其中:公务接待费4万元。', 'prose.txt'),
    txt('“三公”经费合计32.6万元，公务接待费4万元。', 'anonymous.txt'),
    await pdf(new Uint8Array(0), 'empty.pdf'),
    await pdf(new Uint8Array(Buffer.from('hello, not a pdf at all')), 'fake.pdf'),
    await pdf(good.subarray(0, good.length - 40), 'cut.pdf'),
    await pdf(good, 'long.pdf', 1),
    await pdf(simplePdf({ pages: ['', ''] }), 'scan.pdf')
  ];
}

const CJK = /[\u4e00-\u9fff]/;

describe('the real ingest’s reasons, said in zh and en', async () => {
  const results = await realResults();
  const reasons = results.flatMap((r) => r.reasons.map((reason) => ({ r, reason })));
  // every kind of reason above is there: rejected and partial, text and PDF
  expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThanOrEqual(9);
  expect(results.filter((r) => r.status === 'partial').length).toBeGreaterThanOrEqual(3);

  it.each(reasons.map((x) => [x.reason, x]))('%s', (_, { r, reason }) => {
    const zh = reasonText('zh', reason, r.file, r.findings);
    const en = reasonText('en', reason, r.file, r.findings);
    // en: the CLI's own words (but for the kind it names in Chinese); zh: said again, in Chinese
    if (reason === 'kind (预算/决算) not found') expect(en).toBe('kind (budget or final account) not found');
    else expect(en).toBe(reason);
    expect(zh).not.toBe(reason);
    expect(zh).toMatch(CJK);
    expect(zh).not.toMatch(/\{\w+\}/);
    // the file, and every line, page, offset or count the reason names, are kept
    if (reason.startsWith(`${r.file}: `)) expect(zh.startsWith(`${r.file}：`)).toBe(true);
    for (const n of reason.replace(r.file, '').match(/\d+/g) ?? []) expect(zh).toContain(n);
  });

  it('the named lines and pages read as the CLI names them', () => {
    const said = (file: string) => {
      const r = results.find((x) => x.file === file)!;
      return reasonTexts(r.reasons, r.file, r.findings);
    };
    expect(said('notice.txt')[0].zh).toMatch(
      /^notice\.txt：没有找到任何数字（第 1 行：“关于开展测试工作的通知/
    );
    expect(said('预算-截断.txt').map((x) => x.zh)).toContain('缺少表格：表7、表8、表9、表10');
    expect(said('ended.txt').map((x) => x.zh)).toContain(
      '文档在结尾部分之前就结束了，缺少：其他重要事项、机关运行经费、政府采购、国有资产占用、预算绩效、名词解释'
    );
    expect(said('long.pdf')[0].zh).toBe('long.pdf：共 2 页，超过每份文档 1 页的上限');
    expect(said('scan.pdf')[0].zh).toMatch(/^scan\.pdf：2 页都没有文字层/);
    // a garbled number's reason is its finding's own zh message (naming its line)
    const garbled = results.find((x) => x.file === 'garbled.txt')!;
    const finding = garbled.findings.find((f) => f.check === 'garbled_number')!;
    expect(said('garbled.txt').map((x) => x.zh)).toContain(finding.message_zh);
    expect(finding.message_zh).toMatch(/第 \d+ 行/);
  });
});

describe('what the page refuses a file with', () => {
  it('is worded as the CLI words it, and said in zh', () => {
    const cli = unsupportedReason('table.xlsx');
    expect(reasonEn('reason_unsupported', { ext: '.xlsx' })).toBe(cli);
    expect(reasonText('zh', `table.xlsx: ${cli}`, 'table.xlsx')).toBe(
      'table.xlsx：不读取的文件类型 .xlsx：gongkai 读取 .pdf、.txt、.html 和 .htm 文件'
    );
    const none = unsupportedReason('README');
    expect(reasonText('zh', none, 'README')).toContain('（无扩展名）');
    const late = `big.pdf: ${overTimeReason(60_000)}`;
    expect(reasonText('zh', late, 'big.pdf')).toBe('big.pdf：超过每份文档 60 秒的读取时间上限（已停止读取）');
    const twin = reasonEn('reason_duplicate', { other: 'a.pdf' });
    expect(reasonTexts([twin], 'b.pdf')).toEqual([{ zh: '与 a.pdf 是同一份文档', en: 'duplicate of a.pdf' }]);
    const size = reasonEn('reason_file_size', { mb: '51.2', limit: '50' }, 'big.pdf');
    expect(reasonText('zh', size, 'big.pdf')).toBe('big.pdf：51.2 MB，超过每个文件 50 MB 的上限');
    expect(reasonText('en', size, 'big.pdf')).toBe('big.pdf: 51.2 MB, over the limit of 50 MB per file');
  });

  it('a reason no template knows is shown as the ingest wrote it', () => {
    expect(reasonText('zh', 'x.txt: something new', 'x.txt')).toBe('x.txt：something new');
  });
});
