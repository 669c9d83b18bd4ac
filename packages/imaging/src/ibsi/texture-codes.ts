/**
 * IBSI 1 texture features and how each is computed from this toolkit's PyRadiomics-named features: the
 * IBSI name and code (IBSI reference manual, chapter 3) and the PyRadiomics feature it equals, or, for the
 * families whose indices follow {@link emphasisStatistics}, that index.
 */
export interface IbsiFeature {
  /** IBSI feature name, as in `ibsi1_reference_values.csv`. */
  name: string;
  /** Four-character IBSI code. */
  code: string;
  /** The PyRadiomics feature name with the same definition (GLCM, NGTDM), if any. */
  pyradiomics?: string;
  /** Index in {@link emphasisStatistics} (GLRLM, GLSZM, NGLDM); -1 for a feature computed separately. */
  statistic?: number;
}

/** IBSI 1 GLCM features (25): Sum variance equals Cluster tendency and Dissimilarity equals Difference average. */
export const IBSI_GLCM: readonly IbsiFeature[] = [
  { name: 'Joint maximum', code: 'GYBY', pyradiomics: 'MaximumProbability' },
  { name: 'Joint average', code: '60VM', pyradiomics: 'JointAverage' },
  { name: 'Joint variance', code: 'UR99', pyradiomics: 'SumSquares' },
  { name: 'Joint entropy', code: 'TU9B', pyradiomics: 'JointEntropy' },
  { name: 'Difference average', code: 'TF7R', pyradiomics: 'DifferenceAverage' },
  { name: 'Difference variance', code: 'D3YU', pyradiomics: 'DifferenceVariance' },
  { name: 'Difference entropy', code: 'NTRS', pyradiomics: 'DifferenceEntropy' },
  { name: 'Sum average', code: 'ZGXS', pyradiomics: 'SumAverage' },
  { name: 'Sum variance', code: 'OEEB', pyradiomics: 'ClusterTendency' },
  { name: 'Sum entropy', code: 'P6QZ', pyradiomics: 'SumEntropy' },
  { name: 'Angular second moment', code: '8ZQL', pyradiomics: 'JointEnergy' },
  { name: 'Contrast', code: 'ACUI', pyradiomics: 'Contrast' },
  { name: 'Dissimilarity', code: '8S9J', pyradiomics: 'DifferenceAverage' },
  { name: 'Inverse difference', code: 'IB1Z', pyradiomics: 'Id' },
  { name: 'Normalised inverse difference', code: 'NDRX', pyradiomics: 'Idn' },
  { name: 'Inverse difference moment', code: 'WF0Z', pyradiomics: 'Idm' },
  { name: 'Normalised inverse difference moment', code: '1QCO', pyradiomics: 'Idmn' },
  { name: 'Inverse variance', code: 'E8JP', pyradiomics: 'InverseVariance' },
  { name: 'Correlation', code: 'NI2N', pyradiomics: 'Correlation' },
  { name: 'Autocorrelation', code: 'QWB0', pyradiomics: 'Autocorrelation' },
  { name: 'Cluster tendency', code: 'DG8W', pyradiomics: 'ClusterTendency' },
  { name: 'Cluster shade', code: '7NFM', pyradiomics: 'ClusterShade' },
  { name: 'Cluster prominence', code: 'AE86', pyradiomics: 'ClusterProminence' },
  { name: 'Information correlation 1', code: 'R8DG', pyradiomics: 'Imc1' },
  { name: 'Information correlation 2', code: 'JN9H', pyradiomics: 'Imc2' },
];

/** IBSI 1 GLRLM features (16). */
export const IBSI_GLRLM: readonly IbsiFeature[] = [
  { name: 'Short runs emphasis', code: '22OV', statistic: 0 },
  { name: 'Long runs emphasis', code: 'W4KF', statistic: 1 },
  { name: 'Low grey level run emphasis', code: 'V3SW', statistic: 10 },
  { name: 'High grey level run emphasis', code: 'G3QZ', statistic: 11 },
  { name: 'Short run low grey level emphasis', code: 'HTZT', statistic: 12 },
  { name: 'Short run high grey level emphasis', code: 'GD3A', statistic: 13 },
  { name: 'Long run low grey level emphasis', code: 'IVPO', statistic: 14 },
  { name: 'Long run high grey level emphasis', code: '3KUM', statistic: 15 },
  { name: 'Grey level non-uniformity', code: 'R5YN', statistic: 2 },
  { name: 'Normalised grey level non-uniformity', code: 'OVBL', statistic: 3 },
  { name: 'Run length non-uniformity', code: 'W92Y', statistic: 4 },
  { name: 'Normalised run length non-uniformity', code: 'IC23', statistic: 5 },
  { name: 'Run percentage', code: '9ZK5', statistic: 6 },
  { name: 'Grey level variance', code: '8CE5', statistic: 7 },
  { name: 'Run length variance', code: 'SXLW', statistic: 8 },
  { name: 'Run entropy', code: 'HJ9O', statistic: 9 },
];

/** IBSI 1 GLSZM features (16). */
export const IBSI_GLSZM: readonly IbsiFeature[] = [
  { name: 'Small zone emphasis', code: '5QRC', statistic: 0 },
  { name: 'Large zone emphasis', code: '48P8', statistic: 1 },
  { name: 'Low grey level zone emphasis', code: 'XMSY', statistic: 10 },
  { name: 'High grey level zone emphasis', code: '5GN9', statistic: 11 },
  { name: 'Small zone low grey level emphasis', code: '5RAI', statistic: 12 },
  { name: 'Small zone high grey level emphasis', code: 'HW1V', statistic: 13 },
  { name: 'Large zone low grey level emphasis', code: 'YH51', statistic: 14 },
  { name: 'Large zone high grey level emphasis', code: 'J17V', statistic: 15 },
  { name: 'Grey level non-uniformity', code: 'JNSA', statistic: 2 },
  { name: 'Normalised grey level non-uniformity', code: 'Y1RO', statistic: 3 },
  { name: 'Zone size non-uniformity', code: '4JP3', statistic: 4 },
  { name: 'Normalised zone size non-uniformity', code: 'VB3A', statistic: 5 },
  { name: 'Zone percentage', code: 'P30P', statistic: 6 },
  { name: 'Grey level variance', code: 'BYLV', statistic: 7 },
  { name: 'Zone size variance', code: '3NSA', statistic: 8 },
  { name: 'Zone size entropy', code: 'GU8N', statistic: 9 },
];

/**
 * IBSI 1 NGLDM features (17), from the GLDM matrix (IBSI dependence count = PyRadiomics dependence size):
 * Dependence count energy (`sum p^2`) has no PyRadiomics counterpart (`statistic: -1`).
 */
export const IBSI_NGLDM: readonly IbsiFeature[] = [
  { name: 'Low dependence emphasis', code: 'SODN', statistic: 0 },
  { name: 'High dependence emphasis', code: 'IMOQ', statistic: 1 },
  { name: 'Low grey level count emphasis', code: 'TL9H', statistic: 10 },
  { name: 'High grey level count emphasis', code: 'OAE7', statistic: 11 },
  { name: 'Low dependence low grey level emphasis', code: 'EQ3F', statistic: 12 },
  { name: 'Low dependence high grey level emphasis', code: 'JA6D', statistic: 13 },
  { name: 'High dependence low grey level emphasis', code: 'NBZI', statistic: 14 },
  { name: 'High dependence high grey level emphasis', code: '9QMG', statistic: 15 },
  { name: 'Grey level non-uniformity', code: 'FP8K', statistic: 2 },
  { name: 'Normalised grey level non-uniformity', code: '5SPA', statistic: 3 },
  { name: 'Dependence count non-uniformity', code: 'Z87G', statistic: 4 },
  { name: 'Normalised dependence count non-uniformity', code: 'OKJI', statistic: 5 },
  { name: 'Dependence count percentage', code: '6XV8', statistic: 6 },
  { name: 'Grey level variance', code: '1PFV', statistic: 7 },
  { name: 'Dependence count variance', code: 'DNX2', statistic: 8 },
  { name: 'Dependence count entropy', code: 'FCBV', statistic: 9 },
  { name: 'Dependence count energy', code: 'CAS9', statistic: -1 },
];

/** IBSI 1 NGTDM features (5), identical to PyRadiomics'. */
export const IBSI_NGTDM: readonly IbsiFeature[] = [
  { name: 'Coarseness', code: 'QCDE', pyradiomics: 'Coarseness' },
  { name: 'Contrast', code: '65HE', pyradiomics: 'Contrast' },
  { name: 'Busyness', code: 'NQ30', pyradiomics: 'Busyness' },
  { name: 'Complexity', code: 'HDEZ', pyradiomics: 'Complexity' },
  { name: 'Strength', code: '1X9X', pyradiomics: 'Strength' },
];
