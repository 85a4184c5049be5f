import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader } from './ticket.export.csv.js';

describe('CSV cells', () => {
  it('leaves plain values alone and writes nothing for empty ones', () => {
    expect(csvCell('Printer')).toBe('Printer');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
  });

  it('prefixes cells a spreadsheet would run as a formula with a quote', () => {
    for (const v of ['=1+1', '+33 1', '-1', '@SUM(A1)', '\tcmd', '\rx'])
      expect(csvCell(v).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('starts with a UTF-8 BOM and a header in the language asked for', () => {
    expect(
      csvHeader('en').startsWith(
        '\uFEFFRef,Subject,Status,Resolution,Type,Category,Severity,Assignee,Third party,Origin,Created,Updated,Read,Closed,Progress,Duration (minutes)\r\n',
      ),
    ).toBe(true);
    expect(csvHeader('fr')).toContain('Référence,Sujet');
  });
});
