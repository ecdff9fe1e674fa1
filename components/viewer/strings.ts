// The viewer's own words (zh-CN first, en). Findings carry their own messages.
import type { Lang } from '../../lib/i18n';

const zh = {
  title: '年报核查 · 文件查看器',
  appName: '年报核查',
  openLocal: '打开本地文件…',
  dropHere: '把年度报告文件（PDF、Word）拖到这里，或点击「打开本地文件…」',
  localOnly: '文件只在本机读取，不会上传到任何地方。',
  openInBrowser: '用浏览器打开',
  loading: (name: string) => `正在打开 ${name}…`,
  grant: (origin: string) => `授权访问 ${origin}`,
  zoomIn: '放大',
  zoomOut: '缩小',
  fitWidth: '适合宽度',
  page: (n: number, total: number) => `第 ${n} / ${total} 页`,
  readingPages: (n: number, total: number) => `正在识别扫描页 ${n}/${total}…`,
  password: 'PDF 已加密，请输入密码：',
  unsupported: (what: string) => `暂不支持此格式（${what}）。请在原网页中查找该报告的 PDF 或 Word 版本。`,
  notAFile: '这不是 PDF 或 Word 文件，无法检查。',
  failed: '无法打开此文件：',
  alternatives: '同一网页上的其他版本：',
};
type Strings = typeof zh;
const en: Strings = {
  title: 'Nianbao check · file viewer',
  appName: 'Nianbao check',
  openLocal: 'Open a local file…',
  dropHere: 'Drop an annual report file (PDF, Word) here, or click "Open a local file…"',
  localOnly: 'The file is read on this computer only; it is never uploaded.',
  openInBrowser: 'Open in the browser',
  loading: (name) => `Opening “${name}”…`,
  grant: (origin) => `Allow access to ${origin}`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fitWidth: 'Fit width',
  page: (n, total) => `Page ${n} / ${total}`,
  readingPages: (n, total) => `Reading scanned page ${n}/${total}…`,
  password: 'The PDF is encrypted. Password:',
  unsupported: (what) => `This format is not supported yet (${what}). Look for a PDF or Word version of the report on the page that links it.`,
  notAFile: 'This is not a PDF or Word file; it cannot be checked.',
  failed: 'Could not open this file: ',
  alternatives: 'Other versions on the same page:',
};

export const viewerStrings: Record<Lang, Strings> = { zh, en };
