import { DeskView } from '../desk/DeskView';
import type { View } from '../launch/launch-options';
import { PinsView } from '../pins/PinsView';
import { WallView } from '../wall/WallView';

/** Routes a window to its view. Settings arrives with its issue; until then it shows the wall. */
export function App({ officeId, view }: { officeId: string | null; view: View }) {
  switch (view) {
    case 'desk':
      return <DeskView />;
    case 'pins':
      return <PinsView />;
    default:
      return <WallView officeId={officeId} />;
  }
}
