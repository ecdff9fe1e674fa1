import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { isReportColumn, isReportTitle, linkKind, reportYear } from './links';

describe('reportYear', () => {
  it('reads the report’s year in digits, full-width digits, Chinese numerals and brackets', () => {
    expect(reportYear('某某区2023年政府信息公开工作年度报告')).toBe(2023);
    expect(reportYear('某某区2023年度政府信息公开工作年度报告')).toBe(2023);
    expect(reportYear('某某区２０２２年政府信息公开工作年度报告')).toBe(2022);
    expect(reportYear('某某区二〇二一年政府信息公开工作年度报告')).toBe(2021);
    expect(reportYear('某某区二零二一年政府信息公开工作年度报告')).toBe(2021);
    expect(reportYear('政府信息公开工作年度报告（2020年）')).toBe(2020);
    expect(reportYear('政府信息公开工作年度报告（2020）')).toBe(2020);
  });

  it('never takes a publication date, and nothing outside the years of reports', () => {
    expect(reportYear('政府信息公开工作年度报告 2024-01-15')).toBeNull();
    expect(reportYear('2024年1月15日发布 政府信息公开工作年度报告')).toBeNull();
    expect(reportYear('2024年1月15日发布 某某区2023年政府信息公开工作年度报告')).toBe(2023);
    expect(reportYear('2035年远景目标')).toBeNull();
    expect(reportYear('政府信息公开年报')).toBeNull();
  });
});

describe('isReportTitle', () => {
  const reports = [
    '某某市人民政府2023年政府信息公开工作年度报告',
    '2023年某某市教育局政府信息公开工作年度报告',
    '某某县关于2023年度政府信息公开工作的年度报告',
    '某某区2023年政府信息公开年报',
    '某某区2023年度信息公开年报',
    '某某区政务公开工作年度报告（2023年）',
    '某某区2023年度政府信息公开工作报告',
    '某某区2023年政府信息公开工作情况的报告',
    '某某区 2023年 政府信息公开 工作年度报告',
    '某某市审计局2023年政府信息公开工作年度报告',
    '中共某某县委机构编制委员会办公室2023年政府信息公开工作年度报告',
    '某某市统计局二〇二三年政府信息公开工作年度报告',
  ];
  const others = [
    '政府信息公开年报',
    '政府信息公开工作年度报告',
    '政府信息公开指南',
    '某某区政府信息公开制度',
    '关于做好2023年度政府信息公开工作年度报告编制和发布工作的通知',
    '关于报送2023年政府信息公开工作年度报告的通知',
    '某某区2023年法治政府建设年度报告',
    '某某区2023年国民经济和社会发展统计公报',
    '某某区2023年政府工作报告',
    '某某区2023年政府信息公开工作年度报告解读',
    '一图读懂某某区2023年政府信息公开工作年度报告',
    '关于某某区2023年政府信息公开工作年度报告的更正说明',
    '某某区2023年度政府网站工作年度报表',
    '某某区2023年政务公开工作要点',
    '某某区召开2023年政府信息公开工作推进会',
    '2023年度企业年报公示',
    '某某区2023年度报告',
  ];

  it('takes reports of information disclosure with their year', () => {
    for (const t of reports) expect([t, isReportTitle(t)]).toEqual([t, true]);
  });

  it('refuses columns, rules, notices, news, explanations and reports of other kinds', () => {
    for (const t of others) expect([t, isReportTitle(t)]).toEqual([t, false]);
  });

  it('takes the report words right after the year on the column page only', () => {
    expect(isReportTitle('某某局2023年度报告', true)).toBe(true);
    expect(isReportTitle('2023年年报', true)).toBe(true);
    expect(isReportTitle('某某局2023年度报告', false)).toBe(false);
    expect(isReportTitle('某某区2023年法治政府建设年度报告', true)).toBe(false);
    expect(isReportTitle('2023年统计年报', true)).toBe(false);
  });
});

describe('linkKind', () => {
  const u = (s: string) => new URL(s, 'https://www.example.gov.cn/list/');
  it('tells files by their path, a query value or the name a download link shows', () => {
    expect(linkKind(u('./202401/P020240115.pdf'))).toBe('pdf');
    expect(linkKind(u('./202401/P020240115.PDF'))).toBe('pdf');
    expect(linkKind(u('a.docx'))).toBe('word');
    expect(linkKind(u('a.wps'))).toBe('word');
    expect(linkKind(u('a.doc?v=2'))).toBe('word');
    expect(linkKind(u('a.ofd'))).toBe('other');
    expect(linkKind(u('a.zip'))).toBe('other');
    expect(linkKind(u('/module/download/downfile.jsp?classid=0&filename=ab.pdf'))).toBe('pdf');
    expect(linkKind(u('/download.do?id=5'), '某某区2023年政府信息公开工作年度报告.docx')).toBe('word');
    expect(linkKind(u('/download.do?id=5'), '[PDF]')).toBe('pdf');
    expect(linkKind(u('./202401/t20240115_1.html'))).toBe('page');
    expect(linkKind(u('/art/2024/1/15/art_1_2.html'))).toBe('page');
    expect(linkKind(u('/content.jsp?id=5'))).toBe('page');
  });
});

describe('isReportColumn', () => {
  const doc = (head: string, body = '') => {
    const w = new Window();
    w.document.write(`<html><head>${head}</head><body>${body}</body></html>`);
    return w.document as unknown as Document;
  };
  it('is the column by its title, column meta, breadcrumb, current menu entry, or the column’s own address', () => {
    expect(isReportColumn(doc('<title>政府信息公开年报_某某区</title>'), 'https://a.gov.cn/x/')).toBe(true);
    expect(isReportColumn(doc('<meta name="ColumnName" content="年度报告"><title>某某区</title>'), 'https://a.gov.cn/x/')).toBe(true);
    expect(isReportColumn(doc('<title>某某区</title>', '<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>'), 'https://a.gov.cn/x/')).toBe(true);
    expect(isReportColumn(doc('<title>某某区</title>', '<ul><li class="on"><a href="/nb/">年报</a></li></ul>'), 'https://a.gov.cn/x/')).toBe(true);
    expect(isReportColumn(doc('<title>某某区</title>'), 'https://a.gov.cn/zwgk/zfxxgknb/index_2.html')).toBe(true);
  });
  it('is not an article filed under it, nor a column of other reports', () => {
    expect(isReportColumn(doc('<meta name="ArticleTitle" content="某某区2023年政府信息公开工作年度报告"><title>某某区2023年政府信息公开工作年度报告</title>'), 'https://a.gov.cn/x/')).toBe(false);
    expect(isReportColumn(doc('<title>某某区</title>'), 'https://a.gov.cn/zwgk/zfxxgknb/202401/t20240115_1.html')).toBe(false);
    expect(isReportColumn(doc('<title>法治政府建设年度报告</title>'), 'https://a.gov.cn/x/')).toBe(false);
    expect(isReportColumn(doc('<title>工作动态</title>'), 'https://a.gov.cn/gzdt/')).toBe(false);
  });
});
