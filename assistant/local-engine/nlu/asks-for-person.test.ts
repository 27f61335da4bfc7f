import { describe, expect, it } from '@jest/globals';
import { asksForPerson } from './asks-for-person.js';

describe('asksForPerson', () => {
  it.each([
    "is there anyone from IT who can ring me? it's urgent, we can't take payments",
    "please have a tech ring me back asap, none of us can print",
    'can someone call me about the scanner?',
    "I'm not techy at all. Can someone remote in and take a look while I'm here?",
    'No quiero más artículos, quiero que un técnico se conecte a mi ordenador y lo revise.',
    "J'aimerais qu'un informaticien me rappelle au 05 56 00 00 00, c'est urgent",
    'Y a-t-il un technicien disponible pour venir voir sur place ?',
    'Kann bitte jemand vorbeikommen? Der Drucker im Lager ist tot',
    'Kann sich jemand per Fernwartung auf meinen PC schalten? Ich komm allein nicht weiter',
    'Eure Anleitungen helfen mir nicht weiter. Kann heute Nachmittag jemand von euch draufschauen?',
    'Rufen Sie mich bitte zurück, es eilt',
    'esto no funciona, necesito que venga alguien a la clínica hoy',
    'que me llame un técnico, por favor',
    'potete mandare qualcuno a vedere il plotter?',
    'richiamatemi appena potete',
    "sto bot non serve a niente, c'è un umano?",
    'un conseiller svp',
    '¿hay alguna persona real por ahí?',
    'Ça ne marche toujours pas, vous pouvez transmettre à un technicien ?',
    "J'ai suivi l'article mais ça ne marche toujours pas, un technicien pourrait-il prendre la main ?",
    'Serve che venga qualcuno qui in cantiere, il server non si accende',
    "is there a tech who can remote in? I've tried everything the articles say",
    "I need a technician to come and look at my computer, it's making a grinding noise",
  ])('asks: %s', (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    'someone called me pretending to be from IT and asked for my password',
    'un technicien est passé hier mais ça ne marche toujours pas',
    'Ein Techniker ist gestern gekommen, seitdem geht das WLAN nicht',
    'alguien me llamó diciendo que era de informática',
    'un tecnico è passato ieri, ma la stampante non va ancora',
    'Morgen kommt ein neuer Kollege, bitte Konto anlegen',
    'how do I call someone on Teams?',
    'Herr Yilmaz kommt nicht an seinen PC, bitte zurücksetzen, er ruft mich schon dauernd an',
    'is there a way to share my screen with a human resources colleague?',
  ])('does not ask: %s', (text) => {
    expect(asksForPerson(text)).toBe(false);
  });
});
