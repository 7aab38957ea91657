/**
 * Masks what identifies a person before text leaves the machine: e-mails, CPF/CNPJ and phone numbers.
 * Written here rather than taken from a package: the npm redaction libraries target US formats (SSN,
 * ZIP) and none knows CPF/CNPJ; masking is deliberately wider than validation (no check digits), since a
 * mistyped CPF identifies a person just as well.
 */
const patterns: { pattern: RegExp; mask: string }[] = [
  { pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, mask: "[email]" },
  // CNPJ before CPF: 00.000.000/0000-00 or 14 digits.
  { pattern: /\b\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}\b/g, mask: "[cnpj]" },
  { pattern: /\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g, mask: "[cpf]" },
  // +55 (11) 91234-5678, 11 91234 5678, 912345678, +1 415 555 0100…: 8 or more digits with separators.
  { pattern: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,3}\)[\s.-]?)?\d(?:[\s.-]?\d){7,13}\b/g, mask: "[telefone]" },
];

export function redactPersonalData(text: string): string {
  return patterns.reduce((result, { pattern, mask }) => result.replace(pattern, mask), text);
}
