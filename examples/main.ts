// The example app: run with `cdk8s synth` here (or `npm run example` at the repository root).
import { App } from 'cdk8s';
import { synthShop } from './shop';

synthShop(new App());
