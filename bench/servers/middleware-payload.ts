// The body of GET /big in bench/middleware.ts: 100 catalogue records, about 11 KiB of JSON.
export const BIG = Array.from({ length: 100 }, (_, i) => ({
  id: i,
  name: `Product number ${i}`,
  description: 'A sturdy, well-made product that does what it says on the tin.',
  price: Math.round(i * 137.5) / 10,
  tags: ['catalogue', 'bench', i % 2 === 0 ? 'even' : 'odd'],
}));
