import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chatQueue, emailQueue, state } from '../../../tests/support/renderer-fixtures';
import { QueueTile } from './QueueTile';

const NOW = 1_700_000_030_000;

describe('QueueTile', () => {
  it('shows the name, channel, team and the three metrics with units and human durations', () => {
    render(<QueueTile queue={chatQueue} state={state('lis-chat', { metrics: { backlog: 1234, firstResponseP90: 200, resolutionP90: 4800 } as never })} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    const tile = screen.getByTestId('queue-tile');
    expect(tile).toHaveProperty('dataset.queueId', 'lis-chat');
    expect(tile.dataset.officeId).toBe('lisbon');
    expect(within(tile).getByRole('heading').textContent).toBe('Chat Portugal');
    expect(tile.textContent).toContain('Chat');
    expect(tile.textContent).toContain('Lisbon Care');
    expect(tile.querySelector('[data-metric="backlog"]')?.textContent).toBe('1,234');
    expect(tile.querySelector('[data-metric="firstResponseP90"]')?.textContent).toBe('3m 20s');
    expect(tile.querySelector('[data-metric="resolutionP90"]')?.textContent).toBe('1h 20m');
    expect(tile.textContent).not.toContain('Partner');
  });

  it('formats counts in the office locale', () => {
    render(<QueueTile queue={chatQueue} state={state('lis-chat', { metrics: { backlog: 1234, firstResponseP90: 1, resolutionP90: 1 } as never })} locale="de-DE" timeZone="Europe/Lisbon" now={NOW} live />);
    expect(screen.getByTestId('queue-tile').querySelector('[data-metric="backlog"]')?.textContent).toBe('1.234');
  });

  it('shows status by word and shape as well as colour, and marks each metric past its threshold', () => {
    const critical = state('lis-email', {
      health: { status: 'critical', metrics: { backlog: 'critical', firstResponseP90: 'warning', resolutionP90: 'ok' } } as never,
    });
    render(<QueueTile queue={emailQueue} state={critical} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    const tile = screen.getByTestId('queue-tile');
    expect(tile.dataset.status).toBe('critical');
    expect(tile.className).toContain('status-critical');
    expect(tile.querySelector('.tile-status-word')?.textContent).toBe('Critical');
    expect(tile.querySelector('.tile-status svg path')).not.toBeNull(); // the octagon
    expect(tile.querySelector('[data-metric="backlog"]')?.closest('.metric')?.className).toContain('level-critical');
    expect(tile.querySelector('[data-metric="firstResponseP90"]')?.closest('.metric')?.className).toContain('level-warning');
    expect(tile.querySelectorAll('.metric-label svg')).toHaveLength(2);
    expect(tile.getAttribute('aria-label')).toBe('Email Spain: Critical');
  });

  it('names a metric off the tile that drives its status, with its value', () => {
    const slow = state('lis-chat', {
      metrics: { backlog: 3, firstResponseP90: 60, resolutionP90: 600, agentsOnline: 1, oldestWaitingSeconds: 30 } as never,
      health: { status: 'critical', metrics: { backlog: 'ok', firstResponseP90: 'ok', resolutionP90: 'ok', agentsOnline: 'critical', oldestWaitingSeconds: 'ok' } } as never,
    });
    render(<QueueTile queue={chatQueue} state={slow} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    const causes = screen.getByTestId('tile-causes');
    expect(causes.textContent).toBe('Agents 1');
    expect(causes.querySelector('[data-metric="agentsOnline"]')?.className).toContain('level-critical');
  });

  it('shows SLA attainment as a fourth graded headline cell when the queue has a target, never as a cause', () => {
    const missing = state('lis-chat', {
      metrics: { backlog: 3, firstResponseP90: 60, resolutionP90: 600, slaAttainment: 72.5 } as never,
      health: { status: 'critical', metrics: { backlog: 'ok', firstResponseP90: 'ok', resolutionP90: 'ok', slaAttainment: 'critical' } } as never,
    });
    render(<QueueTile queue={chatQueue} state={missing} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    const tile = screen.getByTestId('queue-tile');
    expect(tile.className).toContain('tile-has-sla');
    const cell = tile.querySelector('.tile-metrics [data-metric="slaAttainment"]');
    expect(cell?.textContent).toBe('72.5%');
    expect(cell?.closest('.metric')?.className).toContain('level-critical');
    expect(cell?.closest('.metric')?.querySelector('.metric-label')?.textContent).toBe('SLA');
    expect(screen.queryByTestId('tile-causes')).toBeNull();
  });

  it('keeps three cells for a queue without an SLA target', () => {
    render(<QueueTile queue={chatQueue} state={state('lis-chat')} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    const tile = screen.getByTestId('queue-tile');
    expect(tile.className).not.toContain('tile-has-sla');
    expect(tile.querySelectorAll('.tile-metrics .metric')).toHaveLength(3);
  });

  it('shows no cause line when the shown metrics explain the status', () => {
    render(<QueueTile queue={chatQueue} state={state('lis-chat')} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    expect(screen.queryByTestId('tile-causes')).toBeNull();
  });

  it('marks outsourced partners', () => {
    render(<QueueTile queue={emailQueue} state={state('lis-email')} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    expect(screen.getByText('Partner')).toBeTruthy();
  });

  it('says No data with dashes before the first report', () => {
    render(<QueueTile queue={chatQueue} state={undefined} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    const tile = screen.getByTestId('queue-tile');
    expect(tile.dataset.status).toBe('no-data');
    expect(tile.querySelector('.tile-status-word')?.textContent).toBe('No data');
    expect(tile.querySelector('[data-metric="backlog"]')?.textContent).toBe('–');
  });

  it('when not live, greys the tile and says the status is the last one known', () => {
    render(<QueueTile queue={chatQueue} state={state('lis-chat')} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live={false} />);
    const tile = screen.getByTestId('queue-tile');
    expect(tile.className).toContain('tile-stale');
    expect(tile.querySelector('.tile-status-word')?.textContent).toBe('Last: OK');
    expect(tile.getAttribute('aria-label')).toBe('Chat Portugal: OK (not live)');
  });
});
