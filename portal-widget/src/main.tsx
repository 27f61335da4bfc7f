// The portal at `/`: sign in, then the chat with the assistant and the user's tickets.
import { render } from 'preact';
import { App } from './app/App.js';
import { boot } from './store/session.js';
import './styles.css';

render(<App />, document.getElementById('app')!);
void boot();
