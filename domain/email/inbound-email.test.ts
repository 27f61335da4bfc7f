import { describe, expect, it } from '@jest/globals';
import { isAutomaticEmail, ticketReference, ticketTitle, writtenText } from './inbound-email.js';

const person = { envelopeFrom: 'tom.baker@acmedental.example', from: { address: 'tom.baker@acmedental.example', name: 'Tom' }, headers: {} };

describe('isAutomaticEmail', () => {
  it('knows auto-replies, bounces and bulk mail, and takes Auto-Submitted: no for a person', () => {
    expect(isAutomaticEmail(person)).toBe(false);
    expect(isAutomaticEmail({ ...person, headers: { 'auto-submitted': 'no' } })).toBe(false);
    expect(isAutomaticEmail({ ...person, headers: { 'auto-submitted': 'auto-replied' } })).toBe(true);
    expect(isAutomaticEmail({ ...person, headers: { precedence: 'Bulk' } })).toBe(true);
    expect(isAutomaticEmail({ ...person, headers: { precedence: 'junk' } })).toBe(true);
    expect(isAutomaticEmail({ ...person, headers: { 'x-autoreply': 'yes' } })).toBe(true);
    expect(isAutomaticEmail({ ...person, envelopeFrom: '' })).toBe(true);
    expect(isAutomaticEmail({ ...person, from: { address: 'MAILER-DAEMON@mx.example', name: '' } })).toBe(true);
  });
});

describe('ticket references and titles', () => {
  it('reads [#1042] anywhere in the subject and strips reply prefixes in the five languages', () => {
    expect(ticketReference('Re: Printer jam [#1042]')).toBe(1042);
    expect(ticketReference('Printer jam #1042')).toBeUndefined();
    expect(ticketTitle('RE: AW: Printer jam [#1042]')).toBe('Printer jam');
    expect(ticketTitle('Rif: R: Stampante bloccata')).toBe('Stampante bloccata');
    expect(ticketTitle('TR : Imprimante')).toBe('Imprimante');
  });
});

describe('writtenText', () => {
  it('keeps what the person wrote and drops the quoted history and the signature', () => {
    const reply = 'Merci, ça marche.\n\nLe lun. 7 déc. 2026 à 10:00, Demo MSP <support@demo.portal.test> a écrit :\n> Bonjour Luc,\n> votre ticket';
    expect(writtenText(reply)).toBe('Merci, ça marche.');
    expect(writtenText('It works now.\r\n\r\n-- \r\nTom Baker\r\nAcme Dental\r\n')).toBe('It works now.');
  });
});
