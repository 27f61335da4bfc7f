import { describe, expect, it } from '@jest/globals';
import { asksForTicket } from './asks-for-ticket.js';

describe('asksForTicket', () => {
  it.each([
    'Crea un ticket porque el lector de códigos de barras no lee nada',
    'Puoi aprire una segnalazione? Il lettore badge all’ingresso non legge i cartellini',
    'please open a ticket, the scanner is dead again',
    'Ouvrez-moi un ticket pour le vidéoprojecteur de la salle 2',
    'Kannst du bitte ein Ticket für den Drucker aufmachen?',
    "Merci d'ouvrir un ticket : le terminal de paiement se déconnecte du réseau tous les soirs",
    'quiero reportar un problema a informática',
    'abrir incidencia para la impresora del almacén',
    'Buenos días, les ruego abran una incidencia: el escáner de la planta baja no enciende.',
    'aprire ticket per il lettore badge, non legge più',
    'ich möchte eine Störung melden, der Scanner geht nicht',
    // A ticket named with a courtesy word alone.
    'Ticket bitte: der Scanner im Lager zieht kein Papier ein',
    'un ticket svp, la badgeuse ne marche plus',
  ])('asks: %s', (text) => {
    expect(asksForTicket(text)).toBe(true);
  });

  it.each(['how do I open a ticket?', 'how do I report a phishing email?', 'I opened a ticket last week about the printer', 'muss ich dafür ein Ticket erstellen?', 'el ticket de la impresora sigue abierto'])(
    'does not ask: %s',
    (text) => {
      expect(asksForTicket(text)).toBe(false);
    },
  );
});
