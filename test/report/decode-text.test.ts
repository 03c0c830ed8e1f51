// Text files in the encodings Chinese offices save (UTF-8 ± BOM, UTF-16 with BOM, GB18030/GBK),
// decoded from bytes written by glibc iconv; anything else refused with the reason.
import { readFileSync } from 'fs';
import * as path from 'path';
import { decodeText } from '../../src/report/decode-text';

const bytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/encodings', name)));
const utf8Text = readFileSync(path.join(__dirname, '../fixtures/seed-004.json'), 'utf8');

describe('decodeText', () => {
  it.each([
    ['seed-004.gbk.json', 'gb18030', false],
    ['seed-004.utf8-bom.json', 'utf-8', true],
    ['seed-004.utf16le-bom.json', 'utf-16le', true],
    ['seed-004.utf16be-bom.json', 'utf-16be', true],
  ])('reads %s as %s, to the same text as the UTF-8 original', (name, encoding, bom) => {
    const decoded = decodeText(bytes(name));
    expect(decoded).toEqual({ ok: true, text: utf8Text, encoding, bom });
  });

  it('reads plain UTF-8 (and ASCII) as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(utf8Text))).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      text: utf8Text,
    });
    expect(decodeText(new TextEncoder().encode('{"a":1}'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('reads the agency name of a GBK file right, not garbled', () => {
    const decoded = decodeText(bytes('seed-004.gbk.json'));
    expect(decoded.ok && decoded.text).toContain('"agency": "河东区行政审批服务局"');
  });

  it('reads GB18030 four-byte sequences (characters outside GBK)', () => {
    const decoded = decodeText(bytes('agency.gb18030-4byte.json'));
    expect(decoded.ok && decoded.text).toContain('𠀀字库');
  });

  it.each([
    ['agency.big5.json', 'otherEncoding'],
    ['agency.shift-jis.json', 'otherEncoding'],
    ['agency.windows-1252.json', 'unknownEncoding'],
    ['seed-004.utf16le-nobom.json', 'utf16WithoutBom'],
  ])('refuses %s (%s)', (name, problem) => {
    expect(decodeText(bytes(name))).toMatchObject({ ok: false, problem });
  });

  it('refuses binary data, and bytes after a BOM that do not match it', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    expect(decodeText(new Uint8Array(png))).toMatchObject({ ok: false, problem: 'binary' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toMatchObject({
      ok: false,
      problem: 'badAfterBom',
      encoding: 'utf-8',
    });
    // A lone high surrogate in UTF-16LE.
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toMatchObject({ ok: false, problem: 'badAfterBom' });
    // UTF-16 with BOM whose text holds NUL.
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x00, 0x00]))).toMatchObject({
      ok: false,
      problem: 'binary',
    });
  });

  it('accepts a GBK text with a few rare characters among common ones (a name with 堃 or 喆)', () => {
    // 某某县堃镇 in GBK: 堃 (0x88D2) lies outside GB2312, the other four inside.
    const gbk = new Uint8Array([0xc4, 0xb3, 0xc4, 0xb3, 0xcf, 0xd8, 0x88, 0xd2, 0xd5, 0xf2]);
    expect(decodeText(gbk)).toEqual({ ok: true, text: '某某县堃镇', encoding: 'gb18030', bom: false });
  });
});
