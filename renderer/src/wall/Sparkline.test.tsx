import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { areaUnder, Sparkline } from './Sparkline';

describe('Sparkline', () => {
  it('takes one point per minute of the series, labelled for screen readers, drawn from zero', () => {
    render(<Sparkline series={{ at: [0, 60_000, 120_000], values: [0, 5, 10] }} label="Backlog, last hour" />);
    const spark = screen.getByRole('img', { name: 'Backlog, last hour' });
    expect(spark.dataset.points).toBe('3');
    expect(spark.querySelector('.spark-line')?.getAttribute('d')).toBe('M0.0 40.0L50.0 20.0L100.0 0.0');
    expect(spark.querySelector('.spark-area')?.getAttribute('d')).toBe('M0.0 40L0.0 40.0L50.0 20.0L100.0 0.0L100.0 40Z');
  });

  it('leaves a gap for a minute without data, and fills each run on its own', () => {
    render(<Sparkline series={{ at: [0, 1, 2, 3], values: [4, 4, null, 4] }} label="b" />);
    expect(screen.getByTestId('sparkline').querySelector('.spark-line')?.getAttribute('d')).toBe('M0.0 0.0L33.3 0.0M100.0 0.0');
    expect(areaUnder('M0 1L2 3M4 5')).toBe('M0 40L0 1L2 3L2 40ZM4 40L4 5L4 40Z');
  });

  it('draws nothing until there are two points, and shows it is still gathering instead of an empty box', () => {
    const { rerender } = render(<Sparkline series={undefined} label="Backlog, last hour" />);
    const spark = screen.getByTestId('sparkline');
    expect([spark.dataset.state, spark.className]).toEqual(['pending', 'tile-spark spark-pending']);
    rerender(<Sparkline series={{ at: [0], values: [3] }} label="Backlog, last hour" />);
    expect(spark.querySelector('svg')).toBeNull();
    expect(spark.dataset.state).toBe('pending');
    rerender(<Sparkline series={{ at: [0, 60_000], values: [3, 4] }} label="Backlog, last hour" />);
    expect([spark.dataset.state, spark.className]).toEqual(['drawn', 'tile-spark']);
  });
});
