// Worker threads start without the parent's TypeScript loader: register tsx's, then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./forecast-worker.ts');
