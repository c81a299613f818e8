import type { View } from '../launch/launch-options';
import { WallView } from '../wall/WallView';

/** Routes a window to its view. Desk, settings and pins arrive with their issues; until then they show the wall. */
export function App({ officeId, view }: { officeId: string | null; view: View }) {
  switch (view) {
    default:
      return <WallView officeId={officeId} />;
  }
}
