/** What one import may hold; past these a person gets a clear refusal rather than a slow failure. */
export const importLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  /** Rows written per transaction by the import job. */
  chunkSize: 1000,
};

const integer = new Intl.NumberFormat("pt-BR");
export const formatCount = (value: number) => integer.format(value);
