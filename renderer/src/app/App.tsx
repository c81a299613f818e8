import type { View } from '../launch/launch-options';
import { SettingsView } from '../settings/SettingsView';
import { WallView } from '../wall/WallView';

/** Routes a window to its view. Desk and pins arrive with their issues; until then they show the wall. */
export function App({ officeId, view }: { officeId: string | null; view: View }) {
  switch (view) {
    case 'settings':
      return <SettingsView />;
    default:
      return <WallView officeId={officeId} />;
  }
}
