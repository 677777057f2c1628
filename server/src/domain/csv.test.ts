import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes the exact bytes Excel and WPS expect: BOM, CRLF, RFC 4180 quoting', () => {
    const text = toCsv(['编号', '简要情况', '件数'], [['KT1', '邻居"漏水",楼上\n楼下', 3], ['KT2', null, -1]]);
    const bytes = Buffer.from(text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('编号,简要情况,件数\r\nKT1,"邻居""漏水"",楼上\n楼下",3\r\nKT2,,-1\r\n');
    expect(bytes.subarray(3, 9).toString('hex')).toBe('e7bc96e58fb7'); // 编号 in UTF-8
  });

  const CASES = [
    { title: 'plain text stays as it is', value: '邻里纠纷', expected: '邻里纠纷' },
    { title: 'a formula is defused', value: '=HYPERLINK("x")', expected: '"\'=HYPERLINK(""x"")"' },
    { title: 'a leading plus is defused', value: '+86 100', expected: "'+86 100" },
    { title: 'a leading minus in text is defused', value: '-2+3', expected: "'-2+3" },
    { title: 'a leading at sign is defused', value: '@SUM(A1)', expected: "'@SUM(A1)" },
    { title: 'a leading tab is defused', value: '\t=1', expected: "'\t=1" },
    { title: 'a negative number stays a number', value: -5, expected: '-5' },
    { title: 'a comma is quoted', value: 'a,b', expected: '"a,b"' },
    { title: 'a CR is quoted', value: 'a\rb', expected: '"a\rb"' },
    { title: 'null is empty', value: null, expected: '' },
    { title: 'booleans are words', value: true, expected: 'true' },
  ];
  it.each(CASES)('$title', ({ value, expected }) => {
    expect(csvField(value)).toBe(expected);
  });
});
