export {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSurvival,
  erfc,
  fisherFCdf,
  fisherFSurvival,
  normalCdf,
  normalQuantile,
  normalSurvival,
  studentTCdf,
  studentTQuantile,
  studentTSurvival,
} from './distributions.js';
