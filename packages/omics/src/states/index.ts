export { CANCERSEA_STATES, readCancerSea, scoreCancerSeaStates } from './cancersea.js';
