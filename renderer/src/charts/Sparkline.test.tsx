import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Sparkline, sparklinePath } from './Sparkline';

describe('sparklinePath', () => {
  it('spans the values from bottom to top', () => {
    expect(sparklinePath([0, 5, 10], 100, 20)).toBe('M0.0 20.0L50.0 10.0L100.0 0.0');
  });

  it('leaves a gap at null and starts again after it', () => {
    expect(sparklinePath([1, null, 1, 3], 30, 10)).toBe('M0.0 10.0M20.0 10.0L30.0 0.0');
  });

  it('draws a flat series along the bottom rather than dividing by zero', () => {
    expect(sparklinePath([4, 4], 10, 10)).toBe('M0.0 10.0L10.0 10.0');
  });

  it('draws nothing without a value', () => {
    expect(sparklinePath([null, null], 10, 10)).toBe('');
  });

  it('honours fixed bounds', () => {
    expect(sparklinePath([5], 10, 10, 0, 10)).toBe('M0.0 5.0');
  });
});

describe('Sparkline', () => {
  it('renders one labelled svg path', () => {
    const { container, getByRole } = render(<Sparkline values={[1, 2, 3]} width={60} height={20} label="Backlog, last hour" />);
    expect(getByRole('img', { name: 'Backlog, last hour' })).toBeTruthy();
    expect(container.querySelectorAll('path')).toHaveLength(1);
  });
});
