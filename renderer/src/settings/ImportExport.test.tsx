import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithGateway, thresholdState } from '../../../tests/support/settings-fixtures';
import { ImportExport, readText } from './ImportExport';

const fileOf = (name: string, text: string) => new File([text], name, { type: 'application/json' });

afterEach(() => vi.restoreAllMocks());

describe('ImportExport', () => {
  it('says plainly when the file is not JSON, and sends nothing', async () => {
    const { commands } = renderWithGateway(<ImportExport canImport hasEdits={false} />);
    await userEvent.upload(screen.getByTestId('import-file'), fileOf('thresholds.json', '{"format": "queueboard-thresholds",'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^thresholds\.json is not valid JSON, so nothing was imported: /);
    expect(commands.importThresholds).not.toHaveBeenCalled();
  });

  it('imports against the revision it shows and lists every issue the gateway names', async () => {
    const { commands } = renderWithGateway(<ImportExport canImport hasEdits={false} />, { thresholds: thresholdState([], 42) });
    commands.importThresholds.mockResolvedValueOnce({
      ok: false,
      code: 'invalid',
      issues: ['file.overrides[0].warning: warning (20) must be below critical (10) when higher-is-worse', 'file.overrides[3].scopeId: "porto" is not a configured office'],
    });
    const file = { format: 'queueboard-thresholds', version: 1, overrides: [] };
    await userEvent.upload(screen.getByTestId('import-file'), fileOf('mine.json', JSON.stringify(file)));
    expect(commands.importThresholds).toHaveBeenCalledWith(file, 42);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Nothing was imported from mine\.json \(invalid\):/);
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'file.overrides[0].warning: warning (20) must be below critical (10) when higher-is-worse',
      'file.overrides[3].scopeId: "porto" is not a configured office',
    ]);
  });

  it('says how many changes an import made', async () => {
    renderWithGateway(<ImportExport canImport hasEdits={false} />);
    await userEvent.upload(screen.getByTestId('import-file'), fileOf('ok.json', '{}'));
    expect((await screen.findByRole('status')).textContent).toMatch(/Imported ok\.json: 1 change, now revision 9\./);
  });

  it('exports the gateway\'s file as a JSON download', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:thresholds';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('queueboard-thresholds-revision-7.json');
      expect(this.href).toBe('blob:thresholds');
    });
    renderWithGateway(<ImportExport canImport={false} hasEdits={false} />);
    expect(screen.queryByText(/Import JSON/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(JSON.parse(await readText(blobs[0]!))).toEqual({ format: 'queueboard-thresholds', version: 1, overrides: [] });
  });
});
