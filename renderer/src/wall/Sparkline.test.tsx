import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Sparkline } from './Sparkline';

describe('Sparkline', () => {
  it('takes one point per minute of the series, labelled for screen readers', () => {
    render(<Sparkline series={{ at: [0, 60_000, 120_000], values: [3, null, 5] }} label="Backlog, last hour" />);
    const spark = screen.getByRole('img', { name: 'Backlog, last hour' });
    expect(spark.dataset.points).toBe('3');
  });

  it('draws nothing until there are two points', () => {
    render(<Sparkline series={{ at: [0], values: [3] }} label="Backlog, last hour" />);
    expect(screen.getByTestId('sparkline').querySelector('.recharts-wrapper')).toBeNull();
  });
});
