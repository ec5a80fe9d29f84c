// The reader's own documents while a page is open (issue 11), on the default data: a file the page does not
// read says why in the page's language, naming the file and the line (zh, and en after the switch); the SQL
// console, open while a document is added and removed, answers with and then without it, without reopening;
// the data date a chart prints and exports follows the documents added and removed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { queryData } from './data';
import { dataDateQuery, type DataDateRow } from '../../src/lib/db/facets';
import { dataDateText } from '../../src/lib/components/exportContext';
import { useSession } from './session';

const s = useSession();
const { page } = s;

const INPUT = 'input[type=file][data-testid=add-documents]';
/** a hand-written fixture of a fictional unit, which the default data does not hold */
const FIXTURE = 'tests/fixtures/template-2024.txt';

const item = (file: string) => page.locator(`[data-testid="local-documents"] > li[data-file="${file}"]`);
const reasons = (file: string) => item(file).locator('.reasons li').allTextContents();
/** the documents panel open (it opens by itself while a batch is read, and stays as the reader leaves it) */
const openPanel = () =>
  page.$eval('[data-testid="local-panel"]', (d) => {
    (d as HTMLDetailsElement).open = true;
  });
const settled = (file: string) =>
  expect
    .poll(() => item(file).getAttribute('data-status'), { timeout: 60_000 })
    .toMatch(/^(ok|partial|rejected)$/);

describe('a file the page does not read', () => {
  it('says why in the page language, naming the file and the line', async () => {
    await s.open('/ranking/?v=1&lang=zh');
    await page.setInputFiles(INPUT, [
      { name: 'table.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') },
      {
        name: 'notice.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('关于开展测试工作的通知\n请各单位认真落实。\n')
      }
    ]);
    await settled('notice.txt');
    await expect(item('table.xlsx').getAttribute('data-status')).resolves.toBe('rejected');
    await expect(item('notice.txt').getAttribute('data-status')).resolves.toBe('rejected');
    const xlsx = await reasons('table.xlsx');
    expect(xlsx).toEqual(['table.xlsx：不读取的文件类型 .xlsx：gongkai 读取 .pdf、.txt、.html 和 .htm 文件']);
    const notice = await reasons('notice.txt');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/^notice\.txt：没有找到任何数字（第 1 行：“关于开展测试工作的通知/);
    await openPanel();
    await screenshot(page, 'local-reasons-zh');

    // the same lines in English once the page is
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(reasons('table.xlsx')).resolves.toEqual([
      'table.xlsx: unsupported file type .xlsx: gongkai reads .pdf, .txt, .html and .htm'
    ]);
    expect((await reasons('notice.txt'))[0]).toMatch(/^notice\.txt: no figure found \(line 1: “关于/);
    await screenshot(page, 'local-reasons-en');
    await page.locator('[data-testid="local-remove-all"]').click();
    await expect.poll(() => page.locator('[data-testid="local-documents"] > li').count()).toBe(0);
  });
});

describe('the SQL console while documents come and go', () => {
  it('answers with a document added after it opened, and without it once removed', async () => {
    const sql = "SELECT count(*)::INTEGER AS n FROM disclosures WHERE source_kind = 'local'";
    await s.open(`/sql/?v=1&lang=en&q=${encodeURIComponent(sql)}`);
    const answer = () => page.locator('[data-testid="sql-result"] tbody td').first().innerText();
    await expect(answer()).resolves.toBe('0');

    await page.setInputFiles(INPUT, [
      { name: 'template-2024.txt', mimeType: 'text/plain', buffer: readFileSync(FIXTURE) }
    ]);
    await settled('template-2024.txt');
    await expect(item('template-2024.txt').getAttribute('data-status')).resolves.toBe('ok');
    // the same console, not reopened: the page's address has not changed
    expect(new URL(page.url()).pathname).toMatch(/\/sql\/$/);
    await expect.poll(answer, { timeout: 60_000 }).toBe('1');
    // its rows are the document's: the fixture's unit, by name
    const named = "SELECT unit_name FROM disclosures WHERE source_kind = 'local'";
    await page.locator('[data-testid="sql-input"]').fill(named);
    await page.locator('[data-testid="sql-run"]').click();
    await expect.poll(answer, { timeout: 60_000 }).toContain('示例市测试局');

    await page.locator('[data-testid="sql-input"]').fill(sql);
    await page.locator('[data-testid="sql-run"]').click();
    await expect.poll(answer, { timeout: 60_000 }).toBe('1');
    await openPanel();
    await item('template-2024.txt').locator('[data-testid="local-remove"]').click();
    await expect.poll(() => page.locator('[data-testid="local-documents"] > li').count()).toBe(0);
    await expect.poll(answer, { timeout: 60_000 }).toBe('0');
  });
});

describe('the data date with the reader’s documents', () => {
  it('names their years once they are added, and the served data’s again once they are removed', async () => {
    const [served] = await queryData(dataDateQuery().sql);
    const before = dataDateText('zh', served as unknown as DataDateRow);
    expect(before).toMatch(/^数据：20\d\d/);
    await s.open('/ranking/?v=1&lang=zh');
    const printed = () => page.locator('figure.chart [data-testid="print-notes"]').first().textContent();
    await expect.poll(printed).toContain(before);
    // the fixture as a document of 2031, a year the served data does not reach
    const later = readFileSync(FIXTURE, 'utf8').replaceAll('2024', '2031');
    await page.setInputFiles(INPUT, [
      { name: 'later-2031.txt', mimeType: 'text/plain', buffer: Buffer.from(later) }
    ]);
    await settled('later-2031.txt');
    await expect(item('later-2031.txt').getAttribute('data-status')).resolves.toBe('ok');
    await expect.poll(printed, { timeout: 60_000 }).toContain(`数据：${served.first_year}–2031 年度的文档`);
    await openPanel();
    await item('later-2031.txt').locator('[data-testid="local-remove"]').click();
    await expect.poll(() => page.locator('[data-testid="local-documents"] > li').count()).toBe(0);
    await expect.poll(printed, { timeout: 60_000 }).toContain(before);
  });
});
