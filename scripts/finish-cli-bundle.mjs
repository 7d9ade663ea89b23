// ncc keeps the CLI's shebang but not its mode: make dist/cli/index.js executable for `bin`.
import { chmodSync } from 'node:fs'
chmodSync(new URL('../dist/cli/index.js', import.meta.url), 0o755)
