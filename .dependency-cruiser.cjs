/**
 * Briefwire's layers (docs/adr/0001-neutral-model.md), checked by `npm run lint`. From the top:
 *   src/app.ts, src/config.ts, src/cli/   wiring: may import everything below
 *   src/chat/{discord,slack,console}/   platform adapters (the only importers of discord.js / @slack/*)
 *   src/chat/*.ts, commands/     handlers and command parsing; commands as data
 *   src/render/                  neutral model → platform formats
 *   src/{schedule,answer,briefing,ingest}/   the core
 *   src/store/ (ports), src/store/sqlite/
 *   src/nlp/, src/time/
 *   src/model/                   neutral types: imports nothing of ours but src/errors.ts
 * An arrow only points down; type-only imports count (they are dependencies too).
 */
const CORE = '^src/(schedule|answer|briefing|ingest)/';
const WIRING = '^src/(app\\.ts|config\\.ts|cli/)';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Two folders that import each other are one tangled module.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'subfolders-do-not-import-their-parent',
      comment:
        'The folder-scoped cycle check counts a subfolder as part of its parent, so a parent ↔ child cycle (nlp ↔ nlp/tagger, store ↔ store/sqlite) is caught here.',
      severity: 'error',
      from: { path: '^src/(nlp|store)/[^/]+/' },
      to: { path: '^src/$1/[^/]+\\.ts$' },
    },
    {
      name: 'discord-only-in-its-adapter',
      comment: 'Platform code stays in src/chat/discord.',
      severity: 'error',
      from: { pathNot: '^src/chat/discord/' },
      to: { path: 'node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'slack-only-in-its-adapter',
      comment: 'Platform code stays in src/chat/slack.',
      severity: 'error',
      from: { pathNot: '^src/chat/slack/' },
      to: { path: 'node_modules/@slack/' },
    },
    {
      name: 'model-imports-only-errors',
      comment: 'The neutral model is the bottom layer.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^(src/|commands/)', pathNot: '^src/(model/|errors\\.ts$)' },
    },
    {
      name: 'nothing-imports-the-wiring',
      comment:
        'Only the wiring (src/app.ts, src/config.ts, src/cli/) reads configuration and builds the app; the layers under it get plain values.',
      severity: 'error',
      from: { pathNot: WIRING },
      to: { path: WIRING },
    },
    {
      name: 'core-never-imports-chat-or-commands',
      severity: 'error',
      from: { path: '^src/(schedule|answer|briefing|ingest|render|store|nlp|time|model)/' },
      to: { path: '^src/chat/|^commands/' },
    },
    {
      name: 'render-sits-above-the-core-only-through-the-model',
      comment:
        'Renderers turn the neutral model into platform formats; they never fetch or decide.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: `${CORE}|^src/store/` },
    },
    {
      name: 'store-below-the-core',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: `${CORE}|^src/render/` },
    },
    {
      name: 'nlp-and-time-below-the-store',
      severity: 'error',
      from: { path: '^src/(nlp|time)/' },
      to: { path: `${CORE}|^src/(render|store)/` },
    },
    {
      name: 'commands-do-not-know-platforms',
      severity: 'error',
      from: { path: '^commands/' },
      to: { path: '^src/chat/' },
    },
    {
      name: 'handlers-do-not-know-platforms',
      severity: 'error',
      from: { path: '^src/chat/[^/]+\\.ts$' },
      to: { path: '^src/chat/[^/]+/' },
    },
    {
      name: 'adapters-stay-out-of-the-core',
      comment:
        'An adapter decides how a reply looks, never what it says: it gets handlers and commands handed in.',
      severity: 'error',
      from: { path: '^src/chat/(discord|slack|console)/' },
      to: { path: `${CORE}|^src/(store|nlp)/|^commands/|^src/chat/handlers\\.ts$` },
    },
    {
      name: 'platforms-keep-apart',
      severity: 'error',
      from: { path: '^src/chat/(discord|slack|console)/' },
      to: { path: '^src/chat/(discord|slack|console)/', pathNot: '^src/chat/$1/' },
    },
    {
      name: 'only-the-wiring-builds-implementations',
      comment:
        'Stores, adapters, handlers and the command list are constructed in src/app.ts (and src/cli/).',
      severity: 'error',
      from: { pathNot: `${WIRING}|^src/store/|^src/chat/(discord|slack|console)/` },
      to: {
        path: '^src/store/(create\\.ts|sqlite/)|^src/chat/(discord|slack|console)/|^src/chat/handlers\\.ts$|^commands/index\\.ts$',
      },
    },
    {
      name: 'sqlite-only-through-createStore',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/(create\\.ts|sqlite/)' },
      to: { path: '^src/store/sqlite/' },
    },
    {
      name: 'postgres-only-through-createStore',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/(create\\.ts|postgres/)' },
      to: { path: '^src/store/postgres/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: {
      archi: { collapsePattern: '^(src/chat/[^/]+|src/store/[^/]+|src/[^/]+|commands)/' },
    },
  },
};
