import { useEffect, useState } from 'react';

/** The page's width, kept current: Grafana's grid sizes panels by it. */
export const useWindowWidth = (): number => {
  const [width, setWidth] = useState(() => document.documentElement.clientWidth);
  useEffect(() => {
    const update = () => setWidth(document.documentElement.clientWidth);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return width;
};
