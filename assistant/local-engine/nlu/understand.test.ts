import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogAppRef } from '../../../domain/catalog/match-catalog-app.js';
import { INTENTS } from './intents.js';
import { loadIntentClassifier } from './train-classifier.js';
import { toolForIntent, understand } from './understand.js';

const catalog = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'db', 'seed', 'catalog.json'), 'utf8'),
) as CatalogAppRef[];

beforeAll(async () => {
  await loadIntentClassifier();
}, 60_000);

describe('toolForIntent', () => {
  it('maps every intent to its tool or to none', () => {
    expect(toolForIntent('kb_question')).toBe('search_knowledge_base');
    for (const intent of ['device_restart', 'device_lock', 'device_shutdown', 'device_logout', 'device_reset_password'] as const) {
      expect(toolForIntent(intent)).toBe('request_device_action');
    }
    expect(toolForIntent('install_software')).toBe('request_software_install');
    expect(toolForIntent('list_devices')).toBe('list_my_devices');
    expect(toolForIntent('ticket_status')).toBe('get_ticket_status');
    expect(toolForIntent('list_tickets')).toBe('list_my_tickets');
    expect(toolForIntent('create_ticket')).toBe('create_ticket');
    expect(toolForIntent('escalate')).toBe('escalate_to_technician');
    for (const intent of ['greeting', 'thanks', 'goodbye', 'help', 'cancel', 'affirm', 'deny'] as const) expect(toolForIntent(intent)).toBeNull();
    expect(INTENTS).toHaveLength(19);
  });
});

describe('loadIntentClassifier', () => {
  // Its training time is a figure of `npm run bench assistant-nlu`, not a test: it depends on the machine's load.
  it('trains once per process', async () => {
    const first = await loadIntentClassifier();
    expect(await loadIntentClassifier()).toBe(first);
    expect(Object.values(first.examples).every((n) => n > 500)).toBe(true);
  });
});

describe('understand', () => {
  it('asks for a device action with its action and platform', async () => {
    const u = await understand('pls reboot my macbook, it is frozen', { fallbackLanguage: 'en', catalog });
    expect(u).toMatchObject({ intent: 'device_restart', tool: 'request_device_action', language: 'en' });
    expect(u.slots).toMatchObject({ action: 'restart', device: { platform: 'macos', words: ['macbook'] } });
    expect(u.confidence).toBeGreaterThan(0.5);
    expect(u.confidence).toBeLessThanOrEqual(1);
  });

  it('understands every language whatever the user setting', async () => {
    const cases = [
      ['verrouille mon pc windows stp', 'device_lock', 'fr'],
      ['kannst du meinen Laptop herunterfahren?', 'device_shutdown', 'de'],
      ['ciérrame la sesión en el portátil', 'device_logout', 'es'],
      ['ho dimenticato la password del portatile, me la resetti?', 'device_reset_password', 'it'],
    ] as const;
    for (const [text, intent, language] of cases) {
      const u = await understand(text, { fallbackLanguage: 'it', catalog });
      expect({ text, intent: u.intent, language: u.language }).toEqual({ text, intent, language });
    }
  });

  it('finds the catalog app of an install request, typos forgiven, or the name of one it lacks', async () => {
    const chrome = await understand('can u install chorme on my laptop', { fallbackLanguage: 'en', catalog });
    expect(chrome.intent).toBe('install_software');
    expect(chrome.slots.app).toMatchObject({ id: 'google-chrome', phrase: 'chorme' });
    const photoshop = await understand('install Photoshop please', { fallbackLanguage: 'en', catalog });
    expect(photoshop.tool).toBe('request_software_install');
    expect(photoshop.slots.app).toMatchObject({ id: null, phrase: 'Photoshop' });
  });

  it('reads an action asked in so many words over an install of an unknown app the models read', async () => {
    const u = await understand('El programa se ha quedado pillado y no responde nada. ¿Me lo reiniciáis desde ahí? Es el HP de la caja.', { fallbackLanguage: 'es', catalog });
    expect(u.slots.action).toBe('restart');
  });

  it('asks before installing an app named alone, misspelt or not', async () => {
    const u = await understand('thunderbrd pls', { fallbackLanguage: 'en', catalog });
    expect(u).toMatchObject({ intent: 'install_software', slots: { app: { id: 'thunderbird' } } });
    expect(u.confidence).toBeLessThan(0.75);
    // With what it is for, too; asked what it is for, it is a question.
    const forWhat = await understand('winscp porfa para subir los ficheros', { fallbackLanguage: 'es', catalog });
    expect(forWhat).toMatchObject({ intent: 'install_software', slots: { app: { id: 'winscp' } } });
    expect((await understand('teams por favor para qué sirve?', { fallbackLanguage: 'es', catalog })).intent).not.toBe('install_software');
  });

  it('reads the ticket number of a status question', async () => {
    const u = await understand('des nouvelles du ticket n°2387 ?', { fallbackLanguage: 'en', catalog });
    expect(u).toMatchObject({ intent: 'ticket_status', tool: 'get_ticket_status', slots: { ticketNumber: 2387 } });
  });

  it('tells a question for the knowledge base from a request for an action', async () => {
    expect((await understand('how do I restart outlook when it hangs?', { fallbackLanguage: 'en', catalog })).tool).toBe('search_knowledge_base');
    expect((await understand('mein drucker druckt nur leere seiten', { fallbackLanguage: 'de', catalog })).tool).toBe('search_knowledge_base');
  });

  it('acts on a request asked after the problem it is about', async () => {
    const restart = await understand('my laptop froze during the call, nothing responds anymore, could you reboot it?', { fallbackLanguage: 'en', catalog });
    expect(restart).toMatchObject({ tool: 'request_device_action', slots: { action: 'restart' } });
    const ticket = await understand('puedes abrir una incidencia? el ratón no va y la pantalla parpadea', { fallbackLanguage: 'es', catalog });
    expect(ticket.tool).toBe('create_ticket');
    expect((await understand('mon pc est figé, redémarre-le stp', { fallbackLanguage: 'fr', catalog })).slots.action).toBe('restart');
    const story =
      'So this morning Teams crashed, then Word, then the browser, and now even the mouse is slow, windows open after a minute. Could you restart it, please?';
    expect(await understand(story, { fallbackLanguage: 'en', catalog })).toMatchObject({ tool: 'request_device_action', slots: { action: 'restart' } });
    // "tout le temps" tells of something done on its own, but the imperative after it asks.
    const toldThenAsked = await understand(
      "Windows me demande de redémarrer depuis une semaine et je repousse tout le temps. Là j'ai fini, allez-y, redémarrez mon PC",
      { fallbackLanguage: 'fr', catalog },
    );
    expect(toldThenAsked).toMatchObject({ tool: 'request_device_action', slots: { action: 'restart' } });
  });

  it('acts on the action a message spoke of when the request only points back at it', async () => {
    const pointed = await understand('Seit heute früh zeigt Windows eine Neustart-Meldung. Kannst du das bitte erledigen?', { fallbackLanguage: 'de', catalog });
    expect(pointed).toMatchObject({ tool: 'request_device_action', slots: { action: 'restart' } });
    const unranked = await understand('Hola! Windows me pide reiniciar tras la actualización, ¿lo puedes hacer ahora? Me voy a comer', { fallbackLanguage: 'es', catalog });
    expect(unranked).toMatchObject({ tool: 'request_device_action', slots: { action: 'restart' } });
    // Nothing to point back at: the question stays a question.
    expect((await understand('Outlook is slow since this morning, can you do it?', { fallbackLanguage: 'en', catalog })).tool).toBe('search_knowledge_base');
  });

  it('answers a question about what it can do, for computers in general, without acting', async () => {
    for (const text of ['can you actually reboot computers from there?', 'kannst du überhaupt Laptops sperren?', 'tu peux vraiment éteindre des PC à distance ?']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
    expect((await understand('can you actually restart my laptop now?', { fallbackLanguage: 'en', catalog })).slots.action).toBe('restart');
    for (const text of ['es-tu capable de verrouiller un poste ?', 'are you even capable of rebooting PCs or are you just a bot?']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
  });

  it('answers a message asking what it can do, whatever words of requests it uses', async () => {
    for (const text of ['vous savez faire quoi exactement ?', "Qu'est-ce que vous pouvez faire au juste ?", 'hallo, was können Sie eigentlich alles?', '¿Qué puede usted hacer por mí?']) {
      expect(await understand(text, { fallbackLanguage: 'en', catalog })).toMatchObject({ intent: 'help', tool: null });
    }
  });

  it('reads a request set apart by a dash before the problem it is about, even one that reads as calling something off', async () => {
    const dashed = await understand("create a ticket – my dock doesn't charge my laptop anymore", { fallbackLanguage: 'en', catalog });
    expect(dashed.tool).toBe('create_ticket');
  });

  it('answers the question of a message that rules the action out', async () => {
    const question = await understand("Don't reboot it, I have unsaved work. Why does my PC get so slow after lunch?", { fallbackLanguage: 'en', catalog });
    expect(question.tool).toBe('search_knowledge_base');
    const why = await understand('non riavviarlo per favore, voglio solo capire perché è così lento', { fallbackLanguage: 'it', catalog });
    expect(why.tool).toBe('search_knowledge_base');
    const anyReading = await understand("Surtout ne redémarrez pas mon ordi, j'ai un rendu en cours !! je voulais juste savoir pourquoi il est si lent", { fallbackLanguage: 'fr', catalog });
    expect(anyReading.tool).toBe('search_knowledge_base');
  });

  it('opens a ticket for rights or access, even to an app of the catalog', async () => {
    for (const text of ['could I get edit rights on the Marketing Teams channel?', 'ich bräuchte Leserechte auf dem Projektordner', 'necesito permisos para la carpeta de compras']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe('create_ticket');
    }
    const install = await understand('Ich benötige Zoom für den Zugriff auf die Kundenmeetings', { fallbackLanguage: 'de', catalog });
    expect(install.tool).toBe('request_software_install');
  });

  it('acts on a request that follows thanks', async () => {
    const lock = await understand('Danke für vorhin! Jetzt bitte meinen Laptop sperren', { fallbackLanguage: 'de', catalog });
    expect(lock).toMatchObject({ tool: 'request_device_action', slots: { action: 'lock' } });
    const shutdown = await understand('grazie mille! ora spegni il mio pc', { fallbackLanguage: 'it', catalog });
    expect(shutdown).toMatchObject({ tool: 'request_device_action', slots: { action: 'shutdown' } });
  });

  it('gives no tool to a request called off or to thanks for one carried out', async () => {
    for (const text of ["please don't shut down my computer", "j'ai changé d'avis, ne redémarre pas mon pc", 'danke fürs neustarten von meinem laptop', 'grazie per aver installato zoom']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
  });

  it('never reads a request with a misspelled verb and a courtesy word as a yes', async () => {
    for (const text of ['restat the mac pls', 'neustarrten vom windows laptop bitte']) {
      const u = await understand(text, { fallbackLanguage: 'en', catalog });
      expect(u.intent).not.toBe('affirm');
      expect([null, 'request_device_action']).toContain(u.tool);
    }
    expect((await understand('yes please', { fallbackLanguage: 'en', catalog })).intent).toBe('affirm');
  });

  it('answers a question on whether a ticket is needed without opening one', async () => {
    for (const text of ['should I open a ticket or just wait?', 'muss ich dafür ein ticket erstellen?']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
    expect((await understand('open a ticket please', { fallbackLanguage: 'en', catalog })).tool).toBe('create_ticket');
  });

  it('answers whether it can do something at all, asked with "actually", without acting', async () => {
    for (const text of ['can you actually restart computers or are you just a FAQ bot?', 'ma tu riesci anche a installare programmi o no?']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
  });

  it('gives small talk no tool', async () => {
    for (const text of ['hello', 'merci beaucoup', 'tschüss', '¿qué puedes hacer?', 'no grazie']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
  });

  it('returns sane output for empty, emoji-only, gibberish and very long input', async () => {
    for (const text of ['', '   ', '🙂👍', '???', 'hmm', 'asdfghjk zxcvb']) {
      const u = await understand(text, { fallbackLanguage: 'en', catalog });
      expect(u).toMatchObject({ intent: 'help', tool: null, confidence: 0, alternatives: [], slots: {} });
    }
    const long = await understand(`${'my printer does not print and '.repeat(2000)}please help`, { fallbackLanguage: 'en', catalog });
    expect(long.tool).toBe('search_knowledge_base');
  });

  it('lists the next best intents, best first', async () => {
    const u = await understand('restart', { fallbackLanguage: 'en', catalog });
    expect(u.alternatives.length).toBeLessThanOrEqual(3);
    const scores = [u.confidence, ...u.alternatives.map((a) => a.confidence)];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(u.alternatives.map((a) => a.intent)).not.toContain(u.intent);
  });
});

describe('problem reports', () => {
  it('reads a message naming something of IT and what is wrong with it as a question for the knowledge base', async () => {
    for (const text of ['the touchpad stopped working', 'il touchpad non funziona più', 'no, the printer still does not work']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe('search_knowledge_base');
    }
  });

  it('reads a thing described in words no sentence of the corpus uses as a question for the knowledge base', async () => {
    for (const text of ['the trackpad feels jumpy today', 'der Bildschirm ist so komisch gelb', 'la webcam est floue']) {
      const u = await understand(text, { fallbackLanguage: 'en', catalog });
      expect(u.tool).toBe('search_knowledge_base');
      expect(u.alternatives.map((a) => a.intent)).not.toContain(u.intent);
    }
  });

  it('reads a greeting the models see in words that greet no one as a question, when it speaks of IT', async () => {
    for (const text of ['el touchpad va a tirones', 'el teclado va a tirones']) {
      expect((await understand(text, { fallbackLanguage: 'es', catalog })).tool).toBe('search_knowledge_base');
    }
    expect((await understand('hola buenas', { fallbackLanguage: 'es', catalog })).intent).toBe('greeting');
  });

  it('takes a slip for a slip, not for a fault', async () => {
    for (const text of ['sorry, wrong window', 'scusa, ho sbagliato finestra']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
  });

  it('leaves thanks for a fix and plain answers alone', async () => {
    for (const text of ['thanks, the vpn works again', 'no thanks', 'ok']) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
    }
  });
});

describe('a ticket named by its number', () => {
  // Each read by the models alone as a new ticket, the ticket list, no request at all, or the problem told again.
  it.each([
    ['ho aperto la richiesta 2290 lunedì per il monitor, qualcuno l’ha vista?', 2290],
    ['My printer jams, I opened case 3391 about it on Monday', 3391],
  ])('is asked about, not created again: %s', async (text, number) => {
    const u = await understand(text, { fallbackLanguage: 'en', catalog });
    expect(u.tool).toBe('get_ticket_status');
    expect(u.slots.ticketNumber).toBe(number);
  });
});

describe('requests in so many words, whatever the models read', () => {
  it.each([
    ['puoi installare il gioco FIFA 25? è per la pausa pranzo', 'request_software_install'],
    ['installe moi photoshop', 'request_software_install'],
    ["is there anyone from IT who can ring me? it's urgent, we can't take payments", 'escalate_to_technician'],
    ['vous pouvez me lister toutes mes demandes au support ?', 'list_my_tickets'],
    ['Mi fai la lista dei miei pc?', 'list_my_devices'],
    ['Neuer Kollege ab 1. März, bitte Benutzerkonto und E-Mail anlegen', 'create_ticket'],
    ["Tom just phoned me from the train, his laptop is stuck on 'updating 34%'. Can you restart his laptop for him?", 'request_device_action'],
    ['Bonjour, je me permets de relancer pour la demande #15230, on attend toujours le scanner', 'get_ticket_status'],
  ])('%s → %s', async (text, tool) => {
    expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe(tool);
  });

  it('names the app an install asks for, of the catalog or not', async () => {
    expect((await understand('puoi installare il gioco FIFA 25?', { fallbackLanguage: 'it', catalog })).slots.app).toMatchObject({ id: null });
    expect((await understand('Ich benötige Citrix Workspace für den Zugriff auf das ERP.', { fallbackLanguage: 'de', catalog })).slots.app).toMatchObject({ id: 'citrix-workspace' });
  });
});

describe('talk of nothing IT', () => {
  it.each(['¿sabes si mañana llueve en Málaga?', "c'est quoi la meilleure pizzeria à Lyon ?", 'Weißt du, wann die Kantine heute zumacht?', 'tu connais un bon resto à Lyon ?'])('is small talk: %s', async (text) => {
    const u = await understand(text, { fallbackLanguage: 'en', catalog });
    expect(u).toMatchObject({ intent: 'small_talk', tool: null });
  });

  it.each([
    "Ha, you're quicker than the last IT company we had, they took three days to answer an email. Anyway just wanted to say cheers, you've been great",
    'haha vous êtes plus rapides que notre ancien prestataire, il fallait attendre 3 jours pour avoir une réponse par mail. Bref, je voulais juste vous dire merci !',
    'ahah siete più veloci della ditta di informatica che avevamo prima. Niente, volevo solo ringraziarvi, buona serata!',
  ])('takes a message written to thank as thanks: %s', async (text) => {
    expect(await understand(text, { fallbackLanguage: 'en', catalog })).toMatchObject({ intent: 'thanks', tool: null });
  });

  it('opens no ticket for a question about the weather', async () => {
    const u = await understand("is it gonna rain in Galway tomorrow, we've an outdoor class", { fallbackLanguage: 'en', catalog });
    expect(u.tool).toBeNull();
  });

  it.each(['can you help me?', 'hello? anyone there?'])('stays a call for help: %s', async (text) => {
    expect((await understand(text, { fallbackLanguage: 'en', catalog })).intent).not.toBe('small_talk');
  });

  it('asks how a ticket stands when its number is all the models could read', async () => {
    const u = await understand('e il #0081?', { fallbackLanguage: 'it', catalog });
    expect(u).toMatchObject({ tool: 'get_ticket_status', slots: { ticketNumber: 81 } });
  });

  it('asks how a ticket it names stands', async () => {
    const u = await understand('¿Alguna novedad de la INC-00412?', { fallbackLanguage: 'es', catalog });
    expect(u).toMatchObject({ tool: 'get_ticket_status', slots: { ticketNumber: 412 } });
  });
});

describe('a computer that acts by itself', () => {
  it.each(['se me apaga el portatil de repente', 'mon pc redémarre tout seul depuis ce matin', 'der Laptop fährt einfach so runter'])(
    'is a fault to look up, not an action: %s',
    async (text) => {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe('search_knowledge_base');
    },
  );
});

describe('what a message asks beside what it tells', () => {
  it.each([
    'pouvez-vous créer un ticket pour que quelqu’un vienne brancher la nouvelle imprimante ?',
    'crea una incidencia para que alguien venga a instalar el router nuevo',
    'Potete creare un ticket perché qualcuno venga a cablare il nuovo ufficio?',
  ])('opens the ticket asked for someone to come: %s', async (text) => {
    expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe('create_ticket');
  });

  it('reads no ticket into a number of minutes', async () => {
    const u = await understand('Why does my PC take 15 minutes to get going every morning?', { fallbackLanguage: 'en', catalog });
    expect(u.tool).toBe('search_knowledge_base');
  });

  it.each(['please restart my laptop', 'log me out of my laptop', 'sperr bitte meinen Rechner'])('is sure of an action asked in so many words: %s', async (text) => {
    expect((await understand(text, { fallbackLanguage: 'en', catalog })).confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('does the action asked in so many words, not another the story suggests', async () => {
    const u = await understand('Il Mac è bloccato con la rotella che gira, me lo puoi spegnere?', { fallbackLanguage: 'en', catalog });
    expect(u).toMatchObject({ tool: 'request_device_action', slots: { action: 'shutdown' } });
  });

  it.each([
    'Good morning, would you be able to explain how I add the shared mailbox accounts@example.com to Outlook? Kind regards, Margaret',
    "Madame, Monsieur, pourriez-vous m'indiquer la marche à suivre pour ajouter la boîte partagée à mon Outlook ?",
    "What's the procedure for reporting a phishing email?",
    'je sais même pas où on met la signature dans Outlook. Tu peux m’expliquer comment on fait ?',
  ])('answers a request to explain how from the articles: %s', async (text) => {
    expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe('search_knowledge_base');
  });

  it('answers a question about something of IT that its few known words make read as a goodbye', async () => {
    const u = await understand('Kann man das gemeinsame Postfach info@ auch aufs Diensthandy bekommen?', { fallbackLanguage: 'de', catalog });
    expect(u.tool).toBe('search_knowledge_base');
  });

  it.each([
    'Mein Laptop ist mir gestern aus der Hand gefallen, das Display ist gesprungen. Ich denke der muss ersetzt oder repariert werden. Wie läuft das?',
    'la batterie de mon portable gonfle. Il faudrait le remplacer je pense, comment on fait pour en commander un autre ?',
    'ci servono 3 mouse e 2 tastiere nuove per l’ufficio, come si fa l’ordine?',
    'Mein Laptop-Akku ist aufgebläht, das Touchpad hebt sich schon. Muss wohl ausgetauscht werden',
    'La batterie de mon portable a gonflé, le pavé tactile se soulève. Il faut le changer je pense',
  ])('opens a ticket for equipment said to need replacing: %s', async (text) => {
    expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe('create_ticket');
  });

  it('acts on a request asked for whenever the helpdesk can', async () => {
    const u = await understand('Sin prisa, pero cuando podáis apagadme el ordenador, que me he ido ya de finde', { fallbackLanguage: 'en', catalog });
    expect(u).toMatchObject({ tool: 'request_device_action', slots: { action: 'shutdown' } });
  });

  it('acts on an action asked beside one told undone', async () => {
    const u = await understand('bloquéame la pantalla desde ahí, he bajado a por un café y no la bloqueé', { fallbackLanguage: 'en', catalog });
    expect(u).toMatchObject({ tool: 'request_device_action', slots: { action: 'lock' } });
  });

  it.each(["sai se domani c'è sciopero dei treni?", 'Weißt du, ob heute Abend das Spiel läuft?'])('reads everyday words as written, not as typos of IT terms: %s', async (text) => {
    expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBeNull();
  });

  it('opens a ticket to close the account of someone who left, with no computer to shut down', async () => {
    const u = await understand('Priya finished here yesterday, could you switch off her account?', { fallbackLanguage: 'en', catalog });
    expect(u.tool).toBe('create_ticket');
  });

  it('answers from the articles how something is done, asked with the subject first or as the instructions', async () => {
    for (const text of [
      'hi, please how I can put my signature in Outlook? the clients need my phone number',
      'Since the upgrade the P: drive is gone from my computer. Could you point me to the instructions for getting it back?',
      'Könnten Sie mir bitte mitteilen, wie ich den Kalender auf meinem neuen Diensthandy einrichte?',
    ]) {
      expect((await understand(text, { fallbackLanguage: 'en', catalog })).tool).toBe('search_knowledge_base');
    }
  });

  it('answers from the articles whether something is allowed, and installs what is asked for with "darf ich" and no verb', async () => {
    const allowed = await understand('Darf ich auf dem Dienstlaptop private Programme installieren, zum Beispiel Steam?', { fallbackLanguage: 'de', catalog });
    expect(allowed.tool).toBe('search_knowledge_base');
    const asked = await understand('Darf ich VLC auf den Arbeitsrechner? Für die Schulungsvideos', { fallbackLanguage: 'de', catalog });
    expect(asked).toMatchObject({ tool: 'request_software_install', slots: { app: { id: 'vlc' } } });
  });

  it('asks how a request stands when its state is asked with its number', async () => {
    const u = await understand('Vorrei conoscere lo stato della pratica 48213, grazie', { fallbackLanguage: 'it', catalog });
    expect(u).toMatchObject({ tool: 'get_ticket_status', slots: { ticketNumber: 48213 } });
  });

  it('opens a ticket for equipment to replace, whatever action the models half read', async () => {
    const u = await understand('Der Akku vom Notebook hält keine Stunde mehr, Energiesparmodus hilft nichts. Das Gerät muss ersetzt werden.', { fallbackLanguage: 'de', catalog });
    expect(u.tool).toBe('create_ticket');
  });

  it('tells the kind of computer from a German genitive', async () => {
    const u = await understand('Setzen Sie bitte das lokale Passwort meines ThinkPads zurück', { fallbackLanguage: 'de', catalog });
    expect(u.slots.device?.platform).toBe('windows');
  });
});
