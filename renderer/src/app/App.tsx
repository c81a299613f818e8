import { DeskView } from '../desk/DeskView';
import type { View } from '../launch/launch-options';
import { PinsView } from '../pins/PinsView';
import { SettingsView } from '../settings/SettingsView';
import { WallView } from '../wall/WallView';

/** Routes a window to its view: the wall, a lead's desk, the pinned items, or the managers' settings. */
export function App({ officeId, view }: { officeId: string | null; view: View }) {
  switch (view) {
    case 'desk':
      return <DeskView />;
    case 'pins':
      return <PinsView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <WallView officeId={officeId} />;
  }
}
