import { describe, expect, it } from 'vitest';
import { parseHtml } from '../cli/html';
import { findReportRoot } from './container';

const article = (id: string) => `<div id="${id}"><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>本年新收政府信息公开申请数量</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></div>`;
const news = Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}.html">关于行政复议决定书公开和总体情况的通知${i}</a></li>`).join('');

async function rootOf(html: string): Promise<string | undefined> {
  const page = parseHtml(html);
  const root = findReportRoot(page.document);
  const id = root?.id || root?.tagName.toLowerCase();
  await page.close();
  return id;
}

describe('the report container', () => {
  it('is the article holding the marks', async () => {
    expect(await rootOf(`<html><body><div class="nav">首页</div>${article('report')}</body></html>`)).toBe('report');
  });

  it('stays the article when a news list beside it names some of its marks (行政复议, 总体情况)', async () => {
    expect(await rootOf(`<html><body><div class="list"><ul>${news}</ul></div>${article('report')}<div class="more"><ul>${news}</ul></div></body></html>`)).toBe('report');
  });

  it('is the whole body when two elements hold every mark (two reports on one page)', async () => {
    expect(await rootOf(`<html><body>${article('a')}<div class="list"><ul>${news}</ul></div>${article('b')}</body></html>`)).toBe('body');
  });

  it('is the whole body when the marks are spread over the body', async () => {
    const spread = '<p>一、总体情况</p><div><p>二、主动公开政府信息情况</p></div><p>三、收到和处理政府信息公开申请情况</p><p>四、行政复议</p>';
    expect(await rootOf(`<html><body>${spread}</body></html>`)).toBe('body');
  });

  it('is not said from too few marks', async () => {
    expect(await rootOf(`<html><body><ul>${news}</ul></body></html>`)).toBeUndefined();
  });
});
