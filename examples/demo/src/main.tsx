import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { readDemoConfig } from './readDemoConfig'
import './styles.css'

const config = readDemoConfig()
// `?strict` renders in StrictMode, which mounts, unmounts and remounts every component once: the
// Messenger must still load one script, fetch one identity and boot once.
const strict = new URLSearchParams(window.location.search).has('strict')
const app = <App config={config} strict={strict} />

// biome-ignore lint/style/noNonNullAssertion: index.html always has #root.
createRoot(document.getElementById('root')!).render(strict ? <StrictMode>{app}</StrictMode> : app)
