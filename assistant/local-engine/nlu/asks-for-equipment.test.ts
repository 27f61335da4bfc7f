import { describe, expect, it } from '@jest/globals';
import { asksForEquipment } from './asks-for-equipment.js';

describe('asksForEquipment', () => {
  it.each([
    'Kann ich eine Dockingstation bestellen?',
    'Wir bräuchten ein neues Diensthandy für den Außendienst',
    "I need a replacement laptop, mine fell and won't turn on",
    'il me faudrait un deuxième écran',
    'necesito un cargador de repuesto',
    'vorrei richiedere un mouse ergonomico, ho problemi al polso',
    'could you order a webcam for the meeting room?',
    "Bonjour, je souhaiterais une souris ergonomique, j'ai une tendinite",
    'Ci servono due tablet per i camerieri del ristorante',
    'Wir bräuchten einen zusätzlichen Drucker für die Werkstatt',
    // Asked formally, as a business orders.
    'Sehr geehrte Damen und Herren, wir benötigen drei neue Headsets für das Sekretariat. Bitte veranlassen Sie die Bestellung.',
    'Estimados: solicitamos la compra de dos monitores para recepción. Un saludo.',
    "Spett.le assistenza, avremmo necessità di ordinare tre tastiere per l'amministrazione.",
    // A new one, the equipment named before.
    'Der Monitor im Büro flackert nur noch und ist jetzt ganz dunkel. Wir brauchen einen neuen, bitte.',
    'La impresora de recepción ya no imprime nada desde ayer. Necesitamos una nueva lo antes posible.',
  ])('asks for equipment: %s', (text) => {
    expect(asksForEquipment(text)).toBe(true);
  });

  it.each([
    "Don't shut it down, I've got a funeral order half typed, but why is PC-FRONTDESK so slow today??",
    'is there a keyboard shortcut to lock my screen? want to do it myself',
    'I need a printer driver for the new copier',
    "my new laptop won't turn on",
    'how do I connect a second monitor?',
    'I need help with my docking station, the screens stay black',
    // Asked of the user, not by them.
    'Depuis mardi on me demande un code sur le nouveau téléphone à chaque connexion.',
    'la batteria del portatile dura pochissimo',
    'mein Bildschirm flackert',
    // A new one the user already has is where something is set up, not an order.
    'Könnten Sie mir bitte sagen, ob der Kalender auf meinem neuen Diensthandy bitte auch synchronisiert?',
    'please set up my email on my new phone',
    "vorrei sapere come si installa l'app della banca sul nuovo telefono",
    // The equipment named, what is ordered comes much later: flowers, not a computer.
    'El ordenador de caja tarda un montón en arrancar y los clientes esperan en la cola para encargar sus tartas.',
    // The machine told of in one sentence, the wish in another: no machine is wanted.
    'Tenemos un portátil en recepción que se apaga solo. Quiero saber por qué pasa.',
    // German "an dem Rechner" says where, not which one is wanted.
    'Bitte nicht herunterfahren, an dem Rechner hängt die Waage! Warum ist er so langsam?',
    // An order of the business, and a change of settings, are no equipment.
    'My laptop freezes while I am pricing up an order for a customer. Any idea why?',
    "Depuis que j'ai branché le deuxième écran, tout est flou. Il faut changer quoi dans les paramètres ?",
  ])('leaves problems and how-tos to the articles: %s', (text) => {
    expect(asksForEquipment(text)).toBe(false);
  });
});
