import { useEffect, useState } from 'react'

/**
 * The current time, updated every `everyMs`. Statuses ("expiring in N days") and the reveal
 * countdown depend on it; a fake clock in tests drives it.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(handle)
  }, [everyMs])
  return now
}
