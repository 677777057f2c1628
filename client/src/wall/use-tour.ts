/** The map's tour: the step advances every `seconds`; the town shown is tour[step mod n]. */
import { useEffect, useState } from 'react';

export function useTourStep(seconds: number, towns: number): number {
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (towns < 2) return;
    const timer = setInterval(() => setStep((s) => s + 1), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds, towns]);
  return step;
}
