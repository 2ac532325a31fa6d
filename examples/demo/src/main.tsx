import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, readIntent } from './App'
import { readDemoConfig } from './readDemoConfig'
import './styles.css'

const config = readDemoConfig()
// `?strict` renders in StrictMode, which mounts, unmounts and remounts every component once: the
// Messenger must still load one script, fetch one identity and boot once.
const query = new URLSearchParams(window.location.search)
const strict = query.has('strict')
// `?launcher` draws the click-to-load launcher instead of loading the Messenger at once;
// `?launcher=hover` or `?launcher=idle` pick its intent.
const launcher = query.has('launcher') ? readIntent(query.get('launcher')) : undefined
// `&unread=2`: an unread count the app knows, which the launcher shows until Intercom's takes over.
const unread = Number(query.get('unread')) || 0
const app = <App config={config} strict={strict} launcher={launcher} unread={unread} />

// biome-ignore lint/style/noNonNullAssertion: index.html always has #root.
createRoot(document.getElementById('root')!).render(strict ? <StrictMode>{app}</StrictMode> : app)
