import { requestedAction } from '../assistant/local-engine/nlu/asks-for-action.js';
import { ruledOutAction } from '../assistant/local-engine/nlu/negated-action.js';
const t = 'Buenos días. Esta mañana hemos tenido una inspección de sanidad en la bodega, llevo tres horas de un lado para otro y al volver el ordenador está congelado con una ventana que no se cierra. ¿Me lo reiniciáis?';
console.log(requestedAction(t), ruledOutAction(t));
