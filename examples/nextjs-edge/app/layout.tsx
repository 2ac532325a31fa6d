import type { ReactNode } from 'react'

export const metadata = { title: 'verified-messenger identity endpoint on the edge' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
