import { describe, expect, it } from 'vitest';
import { createRng } from './prng';

/** mulberry32 as published by Tommy Ettinger (public domain), written independently of prng.ts. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const take = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(20261123);
    const b = createRng(20261123);
    expect(take(a.next, 1000)).toEqual(take(b.next, 1000));
  });

  it('is mulberry32, so the seed does not change when the code is tidied', () => {
    for (const seed of [0, 1, 20261123, 0x7fffffff]) {
      expect(take(createRng(seed).next, 200), `seed ${seed}`).toEqual(take(mulberry32(seed), 200));
    }
  });

  it('gives different sequences for different seeds', () => {
    expect(take(createRng(1).next, 10)).not.toEqual(take(createRng(2).next, 10));
  });

  it('takes the seed modulo 2^32', () => {
    expect(take(createRng(-1).next, 20)).toEqual(take(createRng(2 ** 32 - 1).next, 20));
    expect(take(createRng(2 ** 32 + 5).next, 20)).toEqual(take(createRng(5).next, 20));
  });

  it('returns numbers in [0, 1) spread over the interval', () => {
    const values = take(createRng(7).next, 20000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]!++;
    for (const n of deciles) expect(n).toBeGreaterThan(1800);
  });

  it('int() covers both ends of its inclusive range and nothing outside', () => {
    const rng = createRng(11);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(createRng(11).int(5, 5)).toBe(5);
  });

  it('pick() returns every item sometimes and throws on an empty list', () => {
    const rng = createRng(3);
    const items = ['岗李', '花园口', '古荥'] as const;
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(rng.pick(items));
    expect(seen).toEqual(new Set(items));
    expect(() => rng.pick([])).toThrow(/empty/);
  });

  it('normal() is finite with mean 0 and variance 1', () => {
    const rng = createRng(20261123);
    const values = Array.from({ length: 20000 }, () => rng.normal());
    expect(values.every(Number.isFinite)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });
});
