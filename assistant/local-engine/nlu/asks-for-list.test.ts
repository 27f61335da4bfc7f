import { describe, expect, it } from '@jest/globals';
import { listAsked } from './asks-for-list.js';

describe('listAsked', () => {
  it.each([
    ["can I see all the tickets I've logged this month", 'tickets'],
    ['what tickets have i got', 'tickets'],
    ['vous pouvez me lister toutes mes demandes au support ?', 'tickets'],
    ['Zeig mir bitte alle meine Anfragen', 'tickets'],
    ['¿puedes mostrarme mis solicitudes abiertas?', 'tickets'],
    ['Mi fai la lista dei miei pc?', 'devices'],
    ['show me my devices', 'devices'],
    ['Welche Rechner habe ich?', 'devices'],
    ['Was für Rechner sind mir eigentlich zugeordnet?', 'devices'],
    ['Welche Tickets laufen gerade auf meinen Namen?', 'tickets'],
    // Counted, or what the user reported, asked as such.
    ['c combien de portables a mon nom ?', 'devices'],
    ['how many tickets have I got open at the moment', 'tickets'],
    ['quanti pc ho in tutto?', 'devices'],
    ["j'ai signalé quoi la semaine dernière déjà ?", 'tickets'],
    ['was hab ich eigentlich alles gemeldet?', 'tickets'],
    ['mis incidencias porfa', 'tickets'],
    ['liste de mes ordis svp', 'devices'],
    ["qu'est-ce que j'ai comme demandes en cours ?", 'tickets'],
    // Asked of several with the plural imperative.
    ['Per la revisione dei contratti, ci elencate i computer intestati a me?', 'devices'],
  ] as const)('%s → %s', (text, list) => {
    expect(listAsked(text)).toBe(list);
  });

  it.each([
    "I can't see my tickets in the portal",
    'je ne vois pas mes demandes dans le portail',
    'how do I see all my devices in Intune?',
    'the printer shows my documents twice',
    'my computer',
  ])('asks for no list: %s', (text) => {
    expect(listAsked(text)).toBeUndefined();
  });
});
