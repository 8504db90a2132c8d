import { describe, expect, it } from 'vitest';
import { bytes, cpuMillis, formatBytes, parseQuantity } from './quantity';

describe('Kubernetes quantities', () => {
  it.each([
    ['250m', 250],
    ['1', 1000],
    ['0.5', 500],
    ['1.5', 1500],
    ['2', 2000],
    ['100u', null],
  ])('reads CPU %s as %s millicores', (text, millis) => {
    if (millis === null) expect(parseQuantity(text)).toBeNull();
    else expect(cpuMillis(text)).toBe(millis);
  });

  it.each([
    ['512Mi', 512 * 2 ** 20],
    ['2Gi', 2 * 2 ** 30],
    ['4Gi', 4294967296],
    ['1G', 1e9],
    ['1k', 1000],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1e3', 1000],
    ['1Ei', 2 ** 60],
    ['2Pi', 2 * 2 ** 50],
    ['1024', 1024],
  ])('reads memory %s as %s bytes', (text, n) => {
    expect(bytes(text)).toBe(n);
  });

  it.each(['', 'Gi', '1 Gi', '1GB', '-1Gi', '1gi', '0x10', '1..5'])('refuses %j', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it('formats bytes for people', () => {
    expect(formatBytes(1536 * 2 ** 20)).toBe('1.5 GiB');
    expect(formatBytes(512)).toBe('512 B');
  });
});
