import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts secrets stored in the database (AES-256-GCM) with the server's key, so a copy of the database alone does
 * not hand them out. Each ciphertext is bound to its tenant and purpose, so one cannot be moved to another row.
 */
export class SecretBox {
  private readonly key: Buffer;

  /** `keyMaterial`: PORTICO_SECRET_KEY or the generated key; stretched to the cipher's 256 bits. */
  constructor(keyMaterial: string | Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, Buffer.alloc(0), 'portico stored secrets', 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Throws when the text was sealed with another key or context, or altered. */
  open(sealed: string, context: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
