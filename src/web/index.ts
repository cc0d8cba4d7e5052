export { webRoutes, type WebDeps } from './routes.js';
export { escapeHtml, html, safeHref, SafeHtml } from './html.js';
