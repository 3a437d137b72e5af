import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Most pages draw charts: fetch the charting chunk while the first API answers are computed,
// rather than after them (the server answers static files between its computations).
void import('./charts/echarts-setup.js');
