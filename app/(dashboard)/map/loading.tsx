import { Loading } from '../../ui/states/widget-state';

export default function MapLoading() {
  return <Loading height={620} />;
}
