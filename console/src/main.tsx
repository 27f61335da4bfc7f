// The technicians' console at `/console`: sign in, then the queue, the live chats and the portal's administration.
import { render } from 'preact';
import { App } from './app/App.js';
import { boot } from './store/session.js';
import './styles.css';

render(<App />, document.getElementById('app')!);
void boot();
