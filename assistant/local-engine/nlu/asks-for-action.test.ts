import { describe, expect, it } from '@jest/globals';
import { mentionedAction, requestedAction } from './asks-for-action.js';

describe('requestedAction', () => {
  it.each([
    ['Sign Priya out of her computer please, she has left for the day', 'logout'],
    ['est-ce que tu peux fermer la session de Karim sur son ThinkPad ?', 'logout'],
    ['Kannst du den Rechner von unserem Azubi Lukas runterfahren? Der läuft seit Freitag', 'shutdown'],
    ['Éteignez le poste de Karim svp, il est en vacances', 'shutdown'],
    ['Can you lock Sian’s computer? She has gone to pick up her kids', 'lock'],
    ['Mira, el Excel se colgó y el ratón no responde. ¿Lo puedes reiniciar?', 'restart'],
    ['puoi riavviare il pc della reception? è bloccato', 'restart'],
    // German's separable "ausloggen".
    ['could you switch the shop computer off? I forgot before leaving', 'shutdown'],
    ['bitte log mich aus, ich muss los', 'logout'],
    // Said to need doing, the password first.
    ['Mein Windows-Kennwort muss dringend zurückgesetzt werden', 'reset_password'],
    // The pronoun on the verb, the password after it.
    ['Potreste reimpostargli la password del portatile? È in ferie e non se la ricorda', 'reset_password'],
    ['¿Podéis restablecerle la contraseña del portátil a mi compañera?', 'reset_password'],
    // A courtesy word ends a request typed in one breath with what follows.
    ['redémarrer le portable stp je dois filer', 'restart'],
    // Asked formally, and after a colon that ends the story.
    ['Vi chiederei cortesemente di spegnere il portatile, sono già uscita dallo studio', 'shutdown'],
    ['Ho chiuso tutti i file e ho dieci minuti prima della riunione: riavviatelo pure adesso', 'restart'],
    ['logg mich mal aus am Rechner im Lager', 'logout'],
    ['bitte das Passwort von meinem Laptop zurücksetzen', 'reset_password'],
    ['can u log my account out on the laptop? the temp needs to use it', 'logout'],
    ["Windows me le demande depuis une semaine. Là j'ai fini mes plans, allez-y, redémarrez mon PC", 'restart'],
    ['Hola! ¿Podrías reiniciarme el portátil Windows? Ya he guardado todo.', 'restart'],
    ["puoi spegnermi la macchina? l'ho lasciata accesa", 'shutdown'],
    ['¿Me puedes hacer logout en el Mac? Lo va a usar otra persona', 'logout'],
    ['Mi scolleghi dal Mac? la sessione è bloccata', 'logout'],
    ['¿me bloqueas el equipo? me voy a comer', 'lock'],
    ['PC SOFORT AUS, hier riecht es verbrannt!!', 'shutdown'],
    ['mac runterfahrn bitte', 'shutdown'],
    ['Kindly shut down the HP in the stock room; nobody is in until Tuesday.', 'shutdown'],
    ['shutdown my laptop for me pls, battery almost dead', 'shutdown'],
    ["Je vous saurais gré de bien vouloir procéder au verrouillage du poste de la caisse.", 'lock'],
    ['Könnten Sie bitte einen Neustart meines Rechners durchführen?', 'restart'],
    ['Madame, je vous saurais gré de bien vouloir réinitialiser le mot de passe de mon poste Windows.', 'reset_password'],
    ["Grazie per prima! Ora riavvia il mio Dell che dopo l'aggiornamento è lentissimo", 'restart'],
    ['un redémarrage de mon poste svp, les mises à jour attendent depuis 3 jours', 'restart'],
    ['einen Neustart vom Laptop bitte', 'restart'],
    ["Julien est parti sans éteindre son HP, tu peux l'éteindre pour lui ?", 'shutdown'],
    ['SURFACE SPERREN BITTE', 'lock'],
    ['Laptop neu starten, bitte', 'restart'],
    ['el pc se ha quedado pillado, reinicialo tu q yo no puedo', 'restart'],
    ['Marco ha lasciato il pc acceso, spegnilo tu', 'shutdown'],
    ['Log my laptop off please, I need to hand it to the temp', 'logout'],
    ['Der Rechner vom Sepp muss neu gestartet werden, der ist komplett eingefroren', 'restart'],
    ["il faut éteindre le poste de l'accueil, il chauffe", 'shutdown'],
    ['hay que bloquear el ordenador de recepción', 'lock'],
    ["reinitialise le mdp de session du Dell de notre stagiaire, il l'a oublié", 'reset_password'],
    ['Llevo toda la mañana de reuniones y el ordenador está congelado. ¿Me lo reiniciáis?', 'restart'],
    ['il portatile della sala riunioni è ancora acceso, ce lo spegnete?', 'shutdown'],
    ['me voy a almorzar, ¿nos bloqueáis el equipo de la entrada?', 'lock'],
    ["Tout rame depuis une heure. Franchement redémarrez-le, j'en peux plus.", 'restart'],
    ['Seit heute früh ist alles zäh. Mach einfach einen Neustart, ich hab keinen Nerv mehr.', 'restart'],
    ['MEIN DELL MUSS SOFORT AUS, DER LÜFTER DREHT DURCH', 'shutdown'],
    ['reiniciar PC-TALLER-2', 'restart'],
    ['riavia il pc e bloccato', 'restart'],
    ['resetta la pass del mac della dottoressa Esposito', 'reset_password'],
    ['Meld bitte den Jonas vom Werkstatt-Laptop ab, der ist heim', 'logout'],
    ['Scollega Mirko dal portatile del laboratorio, è andato via', 'logout'],
    // Made to leave the machine: signed out.
    ["Potete far uscire Giada dal pc dell'accettazione? Ha finito il turno", 'logout'],
    ['Il mouse si blocca ogni due secondi. Potete riavviarlo per favore?', 'restart'],
  ] as const)('%s → %s', (text, action) => {
    expect(requestedAction(text)).toBe(action);
  });

  it.each([
    'my laptop keeps restarting',
    'how do I lock my screen?',
    'Unsere Werkstudentin hört auf, bitte danach ihr Konto sperren',
    'can you restart it? or could you shut it down instead?',
    'the restart did not help',
    'me reinicia solo cada dos horas, ¿por qué?',
    'se me reinicia el portátil cuando abro Teams',
    'reiniciar el pc no sirve de nada',
    'Bitte NICHT herunterfahren, ich hab noch eine Kalkulation offen – aber warum ist der PC so langsam?',
    'le redémarrage ne marche pas, svp',
    'wie kann ich sperren',
    'den Laptop nicht neu starten',
    'Mein Mac fährt nicht herunter, hängt beim Ausschalten. Was tun?',
    'il faut redémarrer à chaque fois que je branche le dock',
    'the restart after the update takes forever, any idea why, thanks',
    'Ich will nicht, dass ihr irgendwas neu startet – ich habe nur eine Frage zu den Updates.',
    'comment procéder au redémarrage du Mac sans perdre mes fichiers ?',
    'the shutdown takes ages since the update',
    'Non vi chiedo di riavviarlo, lo abbiamo già fatto: vorrei capire perché si blocca',
    'Bitte sperren Sie das Benutzerkonto von Frau Weber, sie hat gekündigt.',
    // An account turned off is closed by a person, no computer shut down.
    'Priya finished here yesterday, could you switch off her account?',
    // Paper made to come out of a printer is no one signed out.
    'potete far uscire il foglio incastrato dalla stampante?',
  ])('asks for none: %s', (text) => {
    expect(requestedAction(text)).toBeUndefined();
  });
});

describe('mentionedAction', () => {
  it.each([
    ['Hola! Windows me pide reiniciar tras la actualización, ¿lo puedes hacer ahora?', 'restart'],
    ['Seit heute früh zeigt Windows eine Neustart-Meldung. Kannst du das erledigen?', 'restart'],
    ["je pars, l'écran reste allumé, tu peux le verrouiller ?", 'lock'],
    ['Ich sitz im ICE und hab meinen Arbeitsplatz nicht gesperrt, kannst du das machen?', 'lock'],
  ] as const)('%s → %s', (text, action) => {
    expect(mentionedAction(text)).toBe(action);
  });

  it('names none when the message speaks of none, or of two', () => {
    expect(mentionedAction('Outlook is slow since this morning, can you do it?')).toBeUndefined();
    expect(mentionedAction('restart or shut down, which is better?')).toBeUndefined();
  });
});
