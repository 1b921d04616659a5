export * from './traffic-backend';
export { Waypoint } from './waypoint';
