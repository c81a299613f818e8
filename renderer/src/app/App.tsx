import { WallView } from '../wall/WallView';

export function App({ officeId }: { officeId: string | null }) {
  return <WallView officeId={officeId} />;
}
