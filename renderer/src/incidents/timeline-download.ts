import type { IncidentTimeline } from '../../../shared/protocol/incident-protocol';

/** The file names and contents of a timeline's two exports. */
export function timelineFiles(timeline: IncidentTimeline, text: string): { text: { name: string; body: string; type: string }; json: { name: string; body: string; type: string } } {
  const stem = `incident-${new Date(timeline.incident.openedAt).toISOString().slice(0, 10)}-${timeline.incident.id.slice(0, 8)}`;
  return {
    text: { name: `${stem}.txt`, body: text, type: 'text/plain;charset=utf-8' },
    json: { name: `${stem}.json`, body: `${JSON.stringify(timeline, null, 2)}\n`, type: 'application/json' },
  };
}

/** Saves a file the way a page offers a download (an anchor with `download`). */
export function download(file: { name: string; body: string; type: string }): void {
  const url = URL.createObjectURL(new Blob([file.body], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  // The click has read the address; keeping it alive would hold the text in memory for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
