import { DeskView } from '../desk/DeskView';
import type { View } from '../launch/launch-options';
import { PinsView } from '../pins/PinsView';
import { SettingsView } from '../settings/SettingsView';
import { WallScreen } from '../wall/WallScreen';

/** Routes a window to its view: the wall, a lead's desk, the pinned items, or the managers' settings. */
export function App({ officeId, groupId = null, view, pageMs }: { officeId: string | null; groupId?: string | null; view: View; pageMs?: number }) {
  switch (view) {
    case 'desk':
      return <DeskView />;
    case 'pins':
      return <PinsView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <WallScreen officeId={officeId} groupId={groupId} pageMs={pageMs} />;
  }
}
