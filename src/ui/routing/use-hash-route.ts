import { useCallback, useEffect, useState } from 'react';
import { parseHash, routeHash, type Route } from './hash-route';

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (location.hash !== hash) location.hash = hash;
    setRoute(next);
  }, []);
  return [route, navigate];
}
