// The browser checks the data against its manifest: a manifest that disagrees with the files it names (a
// folder mixing two ingests) gives a load error in plain words, never a silently wrong view.
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { useSession } from './session';

const ui = useSession();
let manifest: { files: { file: string; rows: number; bytes: number }[]; rows: Record<string, number> };

beforeAll(async () => {
  manifest = await (await fetch(`${ui.baseUrl}/data/manifest.json`)).json();
});

/** Open `path` (the ranking) with the manifest changed by `edit`; returns the load error's text ('' when
 * none), or with `inView` the view's own error line. */
async function loadWith(
  edit: (m: typeof manifest) => void,
  path = '/ranking/?v=1',
  inView = false
): Promise<string> {
  const page = await ui.session.context.newPage();
  try {
    const changed = structuredClone(manifest);
    edit(changed);
    await page.route('**/data/manifest.json', (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(changed) })
    );
    await ui.open(path, page);
    const err = page.locator(inView ? '[data-testid="view-error"]' : '[data-testid="load-error"]');
    if ((await err.count()) === 0) return '';
    await screenshot(page, inView ? 'manifest-mismatch-unit' : 'manifest-mismatch');
    return await err.innerText();
  } finally {
    await page.close();
  }
}
const addRow = (file: string) => (m: typeof manifest) => {
  const f = m.files.find((x) => x.file === file)!;
  f.rows += 1;
  m.rows[file.replace('.parquet', '')] = f.rows;
};

describe('the data against its manifest', () => {
  it('loads when they agree', async () => {
    expect(await loadWith(() => {})).toBe('');
  });

  it('says so when a table has other row counts than the manifest states', async () => {
    const text = await loadWith(addRow('units.parquet'));
    expect(text).toContain('数据载入失败');
    expect(text).toContain('数据文件与数据清单不符');
    const rows = manifest.files.find((x) => x.file === 'units.parquet')!.rows;
    expect(text).toContain(
      `units 表有 ${rows.toLocaleString('en-US')} 行，清单写 ${(rows + 1).toLocaleString('en-US')} 行`
    );
    expect(text).toContain('两次不同的导入');
    // the files were read: no network hint
    expect(text).toContain('未显示任何数字');
    expect(text).not.toContain('检查网络连接');
  });

  it('checks a table the unit page reads when it is first read: the ranking loads, the unit page says so', async () => {
    expect(await loadWith(addRow('line_items.parquet'))).toBe('');
    const page = await ui.session.context.newPage();
    let unitId: string;
    try {
      await ui.open('/ranking/?v=1', page);
      unitId = (await page.locator('[data-unit-id]').first().getAttribute('data-unit-id'))!;
    } finally {
      await page.close();
    }
    const text = await loadWith(addRow('line_items.parquet'), `/unit/?v=1&unit=${unitId}`, true);
    const rows = manifest.files.find((x) => x.file === 'line_items.parquet')!.rows;
    expect(text).toContain('数据文件与数据清单不符');
    expect(text).toContain(
      `line_items 表有 ${rows.toLocaleString('en-US')} 行，清单写 ${(rows + 1).toLocaleString('en-US')} 行`
    );
  });

  it('says so when a file it reads whole has other bytes than the manifest states', async () => {
    const text = await loadWith((m) => {
      m.files.find((x) => x.file === 'units.parquet')!.bytes -= 7;
    });
    expect(text).toContain('数据文件与数据清单不符');
    expect(text).toMatch(/units\.parquet 有 [\d,]+ 字节，清单写 [\d,]+ 字节/);
  });
});
