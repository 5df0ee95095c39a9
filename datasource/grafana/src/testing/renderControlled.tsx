import { render } from '@testing-library/react';
import { useState, type ReactElement } from 'react';

/**
 * Renders an editor as Grafana hosts it: Grafana keeps the value (query or
 * settings) and hands every change back to the editor. Returns the changes in
 * order.
 */
export const renderControlled = <V,>(
  initial: V,
  editor: (value: V, onChange: (next: V) => void) => ReactElement
): V[] => {
  const changes: V[] = [];
  function Host() {
    const [value, setValue] = useState(initial);
    return editor(value, (next) => {
      changes.push(next);
      setValue(next);
    });
  }
  render(<Host />);
  return changes;
};
