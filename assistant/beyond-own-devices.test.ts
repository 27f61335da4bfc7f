import { describe, expect, it } from '@jest/globals';
import { namesSomeoneElsesDevice, type Ownership } from './beyond-own-devices.js';

const TOM: Ownership = { names: ['Tom Baker'], deviceNames: ['TOM-LAPTOP'] };
const ANNA: Ownership = { names: ['Anna Bianchi'], deviceNames: ['ANNA-DESKTOP', 'MacBook Air di Anna'] };
const LUC: Ownership = { names: ['Luc Martin'], deviceNames: ['MacBook Pro de Luc'] };

describe('namesSomeoneElsesDevice', () => {
  const someoneElses: [string, Ownership][] = [
    ["restart Anna Bianchi's desktop please, she asked me to", TOM],
    ["can you lock sarah's laptop", TOM],
    ['shut down her computer, she forgot', TOM],
    ['install zoom for my colleague', TOM],
    ['redémarre TOM-LAPTOP', LUC],
    ['tu peux verrouiller le PC de Marco ?', LUC],
    ["réinitialise le mot de passe du compte de Julie", LUC],
    ['installe firefox pour mon collègue', LUC],
    ['Peters Rechner bitte neu starten', TOM],
    ['sperr den Laptop von Jana', TOM],
    ['installier Slack für meine Kollegin', TOM],
    ['reinicia el ordenador de Pedro', TOM],
    ['bloquea la cuenta de mi compañera', TOM],
    ['riavvia il pc di Giulia', ANNA],
    ['installa zoom per il mio collega', ANNA],
    ['spegni ANNA-DESKTOP', TOM],
    ['redémarre son ordinateur, il est parti en congé', LUC],
    ['sperr bitte seinen Laptop, er ist schon weg', TOM],
    ['Frau Keller braucht Teams auf ihrem Laptop', TOM],
    ['riavvia il suo pc, è in ferie', ANNA],
    ['installa Zoom per la signora Russo', ANNA],
    ['please log out the new hire on the shared mac', TOM],
    ['instala Chrome en el equipo de mi jefa', TOM],
    ["could you lock my team lead's Surface, he walked off", TOM],
    ['peux-tu éteindre le portable de ma responsable ?', LUC],
    ['Bitte Teams auf dem Notebook unseres neuen Azubis installieren', TOM],
    ['cierra la sesión de Marta, necesito su puesto', TOM],
    ['Luca ha lasciato acceso il suo Lenovo, puoi spegnerlo?', ANNA],
    ['Install Zoom for Priya in finance please', TOM],
    ['installe Teams pour Claire à la compta', LUC],
    ['Könnten Sie den Laptop meines Chefs ausschalten?', TOM],
    ['¿Podrías apagar el equipo de doña Carmen? Se ha ido de vacaciones', TOM],
    ['scollega Federica dal suo portatile, mi serve la scrivania', ANNA],
    ['¿Puede restablecer la contraseña del ordenador de la Dra. Ruiz?', TOM],
    ["Può reimpostare la password dell'iMac dell'avvocato Ferraris?", ANNA],
    ['¿Podrían instalar Chrome en el portátil de la nueva profesora?', TOM],
    ['sperr mal den Rechner von der Moni, die is heim', TOM],
    ['instala el teams en el ordenador de la nueva recepcionista', TOM],
    ["redémarre l'ordi de l'accueil, c'est celui de Nadia", LUC],
  ];
  const ownOrNoOne: [string, Ownership][] = [
    ['install firefox on MacBook Air di Anna', ANNA],
    ["restart Anna's MacBook", ANNA],
    ['restart my laptop please', TOM],
    ['Ich habe mein Laptop-Passwort vergessen, bitte zurücksetzen', TOM],
    ["j'aurais besoin de Visio, c'est validé par mon responsable", LUC],
    ['I need Slack on my laptop, approved by my manager yesterday', TOM],
    ['mi serve Zoom, approvato dal mio capo', ANNA],
    ['restart TOM-LAPTOP', TOM],
    ["what's my laptop's name", TOM],
    ["it's my laptop that is frozen, restart it", TOM],
    ['reset the password of my account', TOM],
    ['redémarre mon ordinateur de bureau', LUC],
    ['verrouille le poste de travail', LUC],
    ['réinitialise le mot de passe de ma session', LUC],
    ['installe Slack sur le MacBook Pro de Luc', LUC],
    ['Windows Rechner neu starten', TOM],
    ['mein Passwort vom Windows Konto zurücksetzen', TOM],
    ['bitte das Passwort vom Gerät selbst zurücksetzen, nicht das vom Konto', TOM],
    ['reinicia el ordenador de sobremesa', TOM],
    ['resetea la contraseña de mi correo', TOM],
    ['cambia la contraseña de usuario', TOM],
    ['riavvia il pc di casa', ANNA],
    ["reimposta la password dell'account di posta", ANNA],
    ['spegni il portatile di lavoro', ANNA],
    ['blocca il pc, vado in pausa', ANNA],
    ['sign me out of the mac, my manager needs it for a presentation', ANNA],
    ['ferme ma session sur le Mac, ma stagiaire doit l’utiliser', LUC],
    ['sperr bitte mein Windows-Notebook', TOM],
    ['meldet mich am Windows-PC ab', TOM],
    ['restart the pc at 5 P.M. Thanks', TOM],
    ['reinicia mi portátil, son las cinco', TOM],
    ['install the Power BI add-in for Excel', TOM],
    ['restart my laptop for Monday morning', TOM],
    ['installe Slack pour Tom', { names: ['Tom Baker'], deviceNames: [] }],
    ['Hätte gern Greenshot für Screenshots', TOM],
    ['installa PuTTY, devo entrare per SSH sui server', ANNA],
    ['shut my laptop down please, I am on the train for London already', TOM],
    ['verrouille mon poste, je saute dans le TGV pour Lyon', LUC],
    ['mein Chef will, dass wir Visio nutzen, kannst du es für mich installieren?', TOM],
    ['my manager asked us to use Visio, can you install it for me', TOM],
    ['Install KeePassXC please, IT policy says we need a password manager', TOM],
    ['Lokales Kennwort meines Dell-Laptops zurücksetzen bitte', TOM],
    ['mi servirebbe python 3 per uno script che mi ha passato un collega', ANNA],
    ['ciérrame la sesión del portátil, mi compañero lo necesita', TOM],
    ['spegnimi il pc, il collega ha finito di usarlo', ANNA],
    ['vous pouvez me redémarrer le poste ? mon collègue dit que ça règle le souci', LUC],
    ['bitte abmelden, ich bin am falschen Rechner und mein Kollege braucht ihn', TOM],
  ];

  it.each(someoneElses)('someone else’s: %s', (text, own) => {
    expect(namesSomeoneElsesDevice(text, own)).toBe(true);
  });

  it.each(ownOrNoOne)('own: %s', (text, own) => {
    expect(namesSomeoneElsesDevice(text, own)).toBe(false);
  });
});
