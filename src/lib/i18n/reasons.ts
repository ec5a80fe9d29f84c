// Why a document was not read, or read only in part, in zh and en. The en wording is the ingest's own (what
// the CLI prints and ingest-report.json keeps; INGEST_WORDING where it differs): src/lib/components/
// reasonText.ts reads a reason by these templates and says it again in the page's language. {…} are the
// parts that vary (a file, a line, a page).

export const REASONS_EN = {
  reason_unsupported: 'unsupported file type {ext}: gongkai reads .pdf, .txt, .html and .htm',
  reason_no_extension: '(no extension)',
  reason_file_size: '{mb} MB, over the limit of {limit} MB per file',
  reason_documents: 'over the limit of {n} documents (remove some first)',
  reason_duplicate: 'duplicate of {other}',
  reason_served: 'already in the data this site serves (doc_id {doc})',
  reason_unwritable: 'cannot be written: {error}',
  reason_over_time: 'over the time budget of {s} s (parse stopped)',
  reason_parser_failed: 'the parser failed: {error}',
  reason_worker_stopped: 'the worker stopped',
  reason_no_text: 'no text',
  reason_no_figure: 'no figure found (line {line}: “{text}”)',
  reason_empty: 'empty file',
  reason_binary_nul: 'binary file (NUL byte at offset {offset})',
  reason_binary_controls: 'binary file (control bytes)',
  reason_not_text: 'not UTF-8 or GB18030 text (invalid byte at offset {offset})',
  reason_pdf_empty: 'damaged PDF: the file is empty',
  reason_pdf_header: 'damaged or not a PDF (no %PDF- header)',
  reason_pdf_cut: 'damaged PDF: the file is cut short (it does not end with its trailer)',
  reason_pdf_timeout: 'timed out: reading took longer than the budget of {duration}',
  reason_pdf_password: 'encrypted PDF (needs a password to open)',
  reason_pdf_encrypted: 'encrypted PDF that cannot be opened ({error})',
  reason_pdf_no_pages: 'damaged PDF: it has no pages',
  reason_pdf_page: 'damaged PDF: page {page} cannot be read ({error})',
  reason_pdf_unreadable: 'damaged PDF, cannot be read ({error})',
  reason_pdf_damaged: 'damaged PDF ({error})',
  reason_pdf_pages: '{n} pages, over the budget of {max} pages per document',
  reason_pdf_no_text: 'no text layer in {n} page(s): a scanned document needs OCR first',
  reason_pdf_no_unicode:
    'the text has no usable Unicode map ({share}% private-use, control or out-of-place characters): its fonts do not say which characters they draw',
  reason_pdf_page_partial: 'page {page} could not be read in full ({error}): its text may be incomplete',
  reason_no_unit: 'unit name not found',
  reason_no_year: 'year not found',
  reason_no_kind: 'kind (budget or final account) not found',
  reason_no_tables: 'no tables (prose only)',
  reason_tables_missing: 'tables missing: {tables}',
  reason_closing: 'document ends before its closing sections: {sections}',
  reason_not_loaded: 'the data is not loaded yet'
} as const;

export type ReasonKey = keyof typeof REASONS_EN;

/** The ingest's words where the page says it otherwise in English (no Chinese in an English page). */
export const INGEST_WORDING: Partial<Record<ReasonKey, string>> = {
  reason_no_kind: 'kind (预算/决算) not found'
};

export const REASONS_ZH: Record<ReasonKey, string> = {
  reason_unsupported: '不读取的文件类型 {ext}：gongkai 读取 .pdf、.txt、.html 和 .htm 文件',
  reason_no_extension: '（无扩展名）',
  reason_file_size: '{mb} MB，超过每个文件 {limit} MB 的上限',
  reason_documents: '超过 {n} 份文档的上限（请先移除一些）',
  reason_duplicate: '与 {other} 是同一份文档',
  reason_served: '本站提供的数据中已有这份文档（doc_id {doc}）',
  reason_unwritable: '无法写入：{error}',
  reason_over_time: '超过每份文档 {s} 秒的读取时间上限（已停止读取）',
  reason_parser_failed: '解析失败：{error}',
  reason_worker_stopped: '读取进程意外停止',
  reason_no_text: '没有文字',
  reason_no_figure: '没有找到任何数字（第 {line} 行：“{text}”）',
  reason_empty: '空文件',
  reason_binary_nul: '二进制文件（偏移 {offset} 处有 NUL 字节）',
  reason_binary_controls: '二进制文件（含控制字符）',
  reason_not_text: '不是 UTF-8 或 GB18030 编码的文本（偏移 {offset} 处的字节无效）',
  reason_pdf_empty: 'PDF 已损坏：文件为空',
  reason_pdf_header: 'PDF 已损坏或不是 PDF（没有 %PDF- 文件头）',
  reason_pdf_cut: 'PDF 已损坏：文件不完整（结尾缺少文件尾 trailer）',
  reason_pdf_timeout: '超时：读取超过了 {duration} 的时间上限',
  reason_pdf_password: '加密的 PDF（需要密码才能打开）',
  reason_pdf_encrypted: '无法打开的加密 PDF（{error}）',
  reason_pdf_no_pages: 'PDF 已损坏：没有任何页面',
  reason_pdf_page: 'PDF 已损坏：第 {page} 页无法读取（{error}）',
  reason_pdf_unreadable: 'PDF 已损坏，无法读取（{error}）',
  reason_pdf_damaged: 'PDF 已损坏（{error}）',
  reason_pdf_pages: '共 {n} 页，超过每份文档 {max} 页的上限',
  reason_pdf_no_text: '{n} 页都没有文字层：扫描件需要先做文字识别（OCR）',
  reason_pdf_no_unicode:
    '文字没有可用的 Unicode 映射（{share}% 为私用区、控制或错位字符）：其字体没有说明所画的是哪些字',
  reason_pdf_page_partial: '第 {page} 页未能完整读取（{error}）：该页文字可能不全',
  reason_no_unit: '没有找到单位名称',
  reason_no_year: '没有找到年度',
  reason_no_kind: '没有找到类型（预算/决算）',
  reason_no_tables: '没有表格（只有文字说明）',
  reason_tables_missing: '缺少表格：{tables}',
  reason_closing: '文档在结尾部分之前就结束了，缺少：{sections}',
  reason_not_loaded: '数据尚未载入'
};
