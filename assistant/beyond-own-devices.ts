// Requests no user may make of the assistant, whatever the engine: overriding its rules, or acting on machines other
// than their own. Written for the five languages; matched on lower-cased, accent-free text.
const PATTERNS = [
  /\bignor\w*\s+(?:\w+\s+){0,3}(?:instruction|instructions|rules|regles|consignes|anweisungen|regeln|instrucciones|reglas|istruzioni|regole)\b/,
  /\b(?:system prompt|prompt systeme|systemprompt|jailbreak|developer mode)\b/,
  /\b(?:every|all|each)\s+(?:\w+\s+)?(?:computers?|devices?|pcs|machines|laptops|users?|employees?)\b/,
  /\b(?:tous|toutes)\s+les\s+(?:\w+\s+)?(?:ordinateurs|appareils|postes|pc|machines|utilisateurs)\b/,
  /\balle[nrs]?\s+(?:\w+\s+)?(?:computer|rechner|gerate|pcs|laptops|benutzer|mitarbeiter)\b/,
  /\b(?:todos|todas)\s+los\s+(?:\w+\s+)?(?:ordenadores|equipos|dispositivos|computadores|pcs|usuarios)\b/,
  /\btutt[ie]\s+(?:i|gli|le)\s+(?:\w+\s+)?(?:computer|pc|dispositivi|portatili|utenti)\b/,
];

/** True when a message tries to override the assistant's rules or to act beyond the user's own devices. */
export function asksBeyondOwnDevices(text: string): boolean {
  const plain = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  return PATTERNS.some((pattern) => pattern.test(plain));
}
