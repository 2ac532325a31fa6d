import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { page } from './fakeIntercom'

// Every render in these tests runs inside <StrictMode>, as the issue asks (mount, unmount, mount).
configure({ reactStrictMode: true })

afterEach(() => {
  cleanup()
  if (typeof document === 'undefined') return
  // Each test starts on a page that never saw Intercom.
  for (const script of document.querySelectorAll('script')) script.remove()
  delete page.Intercom
  delete page.intercomSettings
})
