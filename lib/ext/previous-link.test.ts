import { describe, expect, it } from 'vitest';
import { linkYear, listPageLink, previousReportLink, type PageLink } from './previous-link';

const page = { year: 2023, title: '平潭综合实验区2023年政府信息公开工作年度报告', href: 'https://www.pingtan.gov.cn/zwgk/2023.html#top' };
const L = (text: string, href: string, title = ''): PageLink => ({ text, title, href });

describe('linkYear', () => {
  it('reads the report year in digits, full-width digits and Chinese numerals', () => {
    expect(linkYear('2022年政府信息公开工作年度报告')).toBe(2022);
    expect(linkYear('２０２２年度报告')).toBe(2022);
    expect(linkYear('二〇二二年度政府信息公开工作报告')).toBe(2022);
    expect(linkYear('政府信息公开年报')).toBeNull();
  });
});

describe('previousReportLink', () => {
  it('finds last year’s report of the same body under a variant name, or of no named body on the same site', () => {
    expect(previousReportLink([L('平潭综合实验区管委会2022年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/zwgk/2022.html')], page)).toEqual({
      href: 'https://www.pingtan.gov.cn/zwgk/2022.html',
      label: '平潭综合实验区管委会2022年政府信息公开工作年度报告',
      file: false,
    });
    expect(previousReportLink([L('2022年度', 'https://www.pingtan.gov.cn/a.html', '2022年政府信息公开工作年度报告')], page)?.href).toBe('https://www.pingtan.gov.cn/a.html');
    expect(previousReportLink([L('2022年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/files/2022.pdf')], page)?.file).toBe(true);
  });

  it('never takes another body, another year, the page itself, or a body-less link from another site', () => {
    const none = [
      L('平潭综合实验区教育局2022年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/jyj/2022.html'),
      L('福清市2022年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/x.html'),
      L('平潭综合实验区2021年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/zwgk/2021.html'),
      L('平潭综合实验区2022年国民经济和社会发展统计公报', 'https://www.pingtan.gov.cn/tjgb.html'),
      L('2022年政府信息公开工作年度报告', 'https://www.other.gov.cn/2022.html'),
      L('2022年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/zwgk/2023.html'),
      L('2022年政府信息公开工作年度报告', 'javascript:void(0)'),
    ];
    expect(previousReportLink(none, page)).toBeNull();
    expect(previousReportLink(none, { ...page, year: null })).toBeNull();
  });

  it('prefers the link that names the disclosure report', () => {
    const links = [L('2022年报', 'https://www.pingtan.gov.cn/nb.html'), L('2022年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/xxgk.html')];
    expect(previousReportLink(links, page)?.href).toBe('https://www.pingtan.gov.cn/xxgk.html');
  });
});

describe('listPageLink', () => {
  it('finds the site’s list of reports (「往年年报」 first, a breadcrumb’s 「政府信息公开年报」), never a report, a file or another site', () => {
    const links = [
      L('首页', 'https://www.pingtan.gov.cn/'),
      L('政府信息公开年报', 'https://www.pingtan.gov.cn/zfxxgknb/'),
      L('往年年报', 'https://www.pingtan.gov.cn/zfxxgknb/index_1.html'),
      L('往年年报', 'https://www.other.gov.cn/nb/'),
      L('平潭综合实验区2022年政府信息公开工作年度报告', 'https://www.pingtan.gov.cn/zwgk/2022-b.html'),
    ];
    expect(listPageLink(links, page)).toEqual({ href: 'https://www.pingtan.gov.cn/zfxxgknb/index_1.html', label: '往年年报', file: false, list: true });
    expect(listPageLink(links.slice(0, 2), page)?.href).toBe('https://www.pingtan.gov.cn/zfxxgknb/');
    expect(listPageLink([L('年报.pdf', 'https://www.pingtan.gov.cn/nb.pdf'), L('往年年报', 'https://www.other.gov.cn/nb/')], page)).toBeNull();
  });
});
