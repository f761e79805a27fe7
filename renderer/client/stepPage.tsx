// The browser's entry for step pages: hydrate the server-rendered form with the props the server embedded.
import { hydrateRoot } from 'react-dom/client';
import { StepPageApp } from './StepPageApp.js';
import type { StepIslandProps } from './StepIslandProps.js';

const island = document.getElementById('step-island');
const json = document.getElementById('island-props')?.textContent;
if (island && json) hydrateRoot(island, <StepPageApp {...(JSON.parse(json) as StepIslandProps)} />);
