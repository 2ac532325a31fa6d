import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // `export const runtime = 'edge'` and cacheComponents (on in every create-next-app 16 app) exclude each
  // other: `next build` stops at the route. An identity route stays on the edge only in an app that turns
  // cacheComponents off, as here; with it on, the route runs on Node.js (examples/nextjs).
  cacheComponents: false,
}

export default nextConfig
