/**
 * Method of every percentile in the analysis, for reports to state next to the numbers.
 * Polars' `quantile(q, "linear")` takes the sorted successful values x[0..n-1] and returns
 * x[i] + (x[i+1] − x[i]) × f where i + f = q × (n − 1), the same as NumPy's default method.
 */
export const PERCENTILE_METHOD = {
  name: "linear interpolation",
  polarsInterpolation: "linear",
  description:
    "Linear interpolation between the two nearest ranks: for sorted values x[0..n−1], " +
    "the q-quantile is x[i] + (x[i+1] − x[i]) × f, where i + f = q × (n − 1) " +
    "(NumPy's default method). With few trials, p90 and p95 lie between the largest values.",
} as const;
