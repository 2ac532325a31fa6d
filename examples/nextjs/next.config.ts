import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // create-next-app's defaults in Next 16: prerender what can be, stream the rest inside <Suspense>.
  cacheComponents: true,
  partialPrefetching: true,
}

export default nextConfig
